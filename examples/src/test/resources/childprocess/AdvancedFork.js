// A worker handed what JSON would flatten or refuse — a Map of BigInt prices, a Set, a Date, a Buffer and
// an object that refers to itself — through fork's advanced serialization (V8's structured clone).
const { fork } = require('child_process');

if (process.argv[2] === 'worker') {
  process.on('message', (order) => {
    let total = 0n;
    for (const item of order.items) {
      total += order.prices.get(item);
    }
    const due = new Date(order.placed.getTime() + 30 * 24 * 60 * 60 * 1000);
    const letters = new Map();
    for (const byte of order.note) {
      letters.set(byte, (letters.get(byte) || 0) + 1);
    }
    process.send({
      total,
      due,
      letters,
      shout: Buffer.from(order.note.toString('latin1').toUpperCase(), 'latin1'),
      sameOrder: order.self === order,
    });
    process.disconnect();
  });
} else {
  const worker = fork(__filename, ['worker'], { serialization: 'advanced' });
  const order = {
    prices: new Map([['apple', 120n], ['pear', 95n], ['fig', 12345678901234567890n]]),
    items: new Set(['apple', 'fig', 'apple']),
    placed: new Date(Date.UTC(2024, 0, 31, 12, 0, 0)),
    note: Buffer.from('hello buffer'),
  };
  order.self = order; // JSON.stringify would throw on this cycle
  worker.send(order);
  worker.on('message', (result) => {
    console.log(`total ${result.total} (${typeof result.total})`);
    console.log(`due ${result.due.toISOString()} (a Date: ${result.due instanceof Date})`);
    console.log(`letters ${[...result.letters].map(([b, n]) => `${String.fromCharCode(b)}=${n}`).join(' ')}`);
    console.log(`shout ${result.shout.toString()} (a Buffer: ${Buffer.isBuffer(result.shout)})`);
    console.log(`cycle kept: ${result.sameOrder}`);
  });
  worker.on('exit', (code, signal) => console.log(`worker exited with ${code}, ${signal}`));
}
