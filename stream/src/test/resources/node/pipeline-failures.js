// pipeline failures: a destination whose write fails, and a source destroyed before its end.
const { Readable, PassThrough, Writable, pipeline } = require('stream');
const log = (...a) => console.log(a.join(' '));
const watch = (name, s) => { s.on('close', () => log(name, 'close')); s.on('error', (e) => log(name, 'error', e.code || e.message)); };
const src = new Readable({ read() {} });
const pt = new PassThrough();
const dest = new Writable({ write(c, e, cb) { log('dest write', c.toString()); cb(new Error('disk full')); } });
watch('src', src); watch('pt', pt); watch('dest', dest);
pipeline(src, pt, dest, (err) => {
  log('cb1', err.message, src.destroyed, pt.destroyed, dest.destroyed);
  const src2 = new Readable({ read() {} });
  const dest2 = new Writable({ write(c, e, cb) { cb(); } });
  watch('src2', src2); watch('dest2', dest2);
  pipeline(src2, dest2, (err2) => log('cb2', err2.code, err2.message));
  src2.push('a');
  setImmediate(() => src2.destroy());
});
src.push('a');
