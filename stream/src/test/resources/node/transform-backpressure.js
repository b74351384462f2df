// A Transform whose readable side is full holds its writable side: the next _transform waits for a read.
const { Transform } = require('stream');
const log = (...a) => console.log(a.join(' '));
const t = new Transform({
  readableHighWaterMark: 2,
  writableHighWaterMark: 2,
  transform(c, e, cb) { log('_transform', c.toString()); cb(null, c.toString() + c.toString()); },
});
for (let i = 1; i <= 4; i++) log('write', i, t.write(String(i)), 'w', t.writableLength, 'r', t.readableLength);
t.on('drain', () => log('drain'));
setImmediate(() => {
  log('read', t.read().toString(), 'w', t.writableLength, 'r', t.readableLength);
  setImmediate(() => {
    let c;
    while ((c = t.read()) !== null) log('read', c.toString());
    log('after', 'w', t.writableLength, 'r', t.readableLength);
    setImmediate(() => { log('last', String(t.read()), 'w', t.writableLength); t.end(); t.on('end', () => log('end')); t.resume(); });
  });
});
