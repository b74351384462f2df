// objectMode on both sides: highWaterMark counts objects, read() gives one object, write counts 1.
const { Readable, Writable, Transform } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
log('hwm', r.readableHighWaterMark, 'push', r.push({ n: 1 }), r.push('two'), r.push(3), 'len', r.readableLength);
log('read', JSON.stringify(r.read()), JSON.stringify(r.read(5)), 'len', r.readableLength);
const w = new Writable({ objectMode: true, highWaterMark: 2, write(o, enc, cb) { log('_write', JSON.stringify(o), enc); setImmediate(cb); } });
log('w', w.write({ a: 1 }), w.write([1, 2]), w.write(0), 'len', w.writableLength);
try { w.write(null); } catch (e) { log('throws', e.code); }
const t = new Transform({ readableObjectMode: true, transform(c, e, cb) { cb(null, { len: c.length }); } });
t.on('data', (o) => log('t data', JSON.stringify(o)));
t.end('hello');
log('t modes', t.readableObjectMode, t.writableObjectMode, t.readableHighWaterMark, t.writableHighWaterMark);
w.on('finish', () => log('w finish'));
w.end();
