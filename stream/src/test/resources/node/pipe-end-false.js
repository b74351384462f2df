// pipe(dest, {end: false}) leaves dest open; piping into an ended source; unshift and setEncoding later.
const { Readable, Writable, PassThrough } = require('stream');
const log = (...a) => console.log(a.join(' '));
const src = new Readable({ read() {} });
const dest = new Writable({ write(c, e, cb) { log('write', c.toString()); cb(); } });
dest.on('unpipe', () => log('unpipe'));
dest.on('finish', () => log('finish'));
src.pipe(dest, { end: false });
src.push('a');
src.push(null);
src.on('end', () => {
  log('src end', 'dest ended', dest.writableEnded);
  setImmediate(() => { dest.write('own'); dest.end(); });
});
const r = new Readable({ read() {} });
r.push(Buffer.from([0xe2, 0x82]));
r.push(Buffer.from([0xac, 0x41]));
r.setEncoding('utf8');
log('after setEncoding', r.readableLength, JSON.stringify(r.read()));
r.unshift('Z');
log('unshift', r.readableLength, JSON.stringify(r.read(1)));
r.push(Buffer.from('hello'));
log('read(2)', JSON.stringify(r.read(2)), r.readableLength);
const p = new PassThrough();
p.end('late');
p.on('end', () => {
  log('p end');
  const sink = new Writable({ write(c, e, cb) { log('sink', c.toString()); cb(); } });
  sink.on('finish', () => log('sink finish'));
  p.pipe(sink);
});
p.resume();
