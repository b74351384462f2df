// unpipe(dest): 'unpipe' on dest, the source pauses when no destination is left; data stays buffered.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const src = new Readable({ read() {} });
const mk = (n) => new Writable({ write(c, e, cb) { log(n, 'write', c.toString()); cb(); } });
const a = mk('a');
const b = mk('b');
for (const [n, d] of [['a', a], ['b', b]]) {
  d.on('pipe', (s) => log(n, 'pipe', s === src));
  d.on('unpipe', (s) => log(n, 'unpipe', s === src));
  d.on('finish', () => log(n, 'finish'));
}
src.on('pause', () => log('pause', src.readableFlowing));
src.on('resume', () => log('resume'));
src.pipe(a);
src.pipe(b);
src.push('1');
setImmediate(() => {
  src.unpipe(a);
  log('unpiped a', 'flowing', src.readableFlowing, 'listeners', src.listenerCount('data'), a.listenerCount('unpipe'));
  src.push('2');
  setImmediate(() => {
    src.unpipe(b);
    log('unpiped b', 'flowing', src.readableFlowing);
    src.push('3');
    log('len', src.readableLength);
    src.unpipe(b);
    src.unpipe();
    setImmediate(() => { log('still', src.readableLength); src.pipe(a); src.push(null); });
  });
});
