// A Duplex with allowHalfOpen (default): ending the readable side does not end the writable one;
// 'close' only after both sides are done.
const { Duplex } = require('stream');
const log = (...a) => console.log(a.join(' '));
const d = new Duplex({
  read() { this.push('r1'); this.push(null); },
  write(c, e, cb) { log('_write', c.toString()); setImmediate(cb); },
  final(cb) { log('_final'); cb(); },
});
for (const ev of ['end', 'prefinish', 'finish', 'close']) d.on(ev, () => log(ev, 'rEnded', d.readableEnded, 'wFinished', d.writableFinished));
d.on('data', (c) => log('data', c.toString()));
d.write('w1');
setImmediate(() => setImmediate(() => { log('ending writable'); d.end('w2'); }));
const d2 = new Duplex({ readableObjectMode: true, read() {}, write(c, e, cb) { this.push({ got: c.toString() }); cb(); } });
d2.on('data', (o) => log('d2 data', JSON.stringify(o)));
d2.on('close', () => log('d2 close'));
d2.write('hi');
d2.end();
setImmediate(() => { log('d2 writableFinished', d2.writableFinished, 'destroyed', d2.destroyed); d2.push(null); });
