// When 'finish' comes after the last write: a write with a callback delays it by a tick, a
// callback-less synchronous write does not; 'drain' after uncork comes on the next tick.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const steps = [
  ['A', (f) => f(), (w, n) => { w.write('a'); w.end(); }],
  ['B', (f) => f(), (w, n) => { w.write('a', () => log(n, 'cb')); w.end(); }],
  ['C', (f) => f(), (w, n) => { w.end('a', () => log(n, 'end cb')); }],
  ['D', (f) => f(), (w, n) => { w.write('a', () => log(n, 'cb')); w.write('b'); w.end(); }],
  ['E', (f) => f(), (w, n) => { w.write('a'); w.write('b'); w.write('c', () => log(n, 'cb')); w.end(); }],
  ['F', setImmediate, (w, n) => { w.write('a'); w.end(); }],
  ['G', setImmediate, (w, n) => { w.write('a', () => log(n, 'cb')); w.end(); }],
  ['H', process.nextTick, (w, n) => { w.write('a'); }],
  ['I', (f) => f(), (w, n) => { w.cork(); log(n, w.write('a'), w.write('b'), w.write('c')); log(n, 'uncork('); w.uncork(); log(n, ')uncork'); }],
];
let i = 0;
const next = () => {
  if (i === steps.length) return;
  const [n, delay, f] = steps[i++];
  const w = new Writable({
    highWaterMark: 2,
    write(c, e, cb) { log(n, '_write', c.toString()); delay(() => { log(n, 'cb('); cb(); log(n, ')cb', 'finished', w.writableFinished); process.nextTick(() => log(n, 'tick after cb')); }); },
  });
  w.on('finish', () => log(n, 'finish'));
  w.on('drain', () => log(n, 'drain'));
  f(w, n);
  process.nextTick(() => log(n, 'tick A'));
  setImmediate(() => setImmediate(next));
};
next();
