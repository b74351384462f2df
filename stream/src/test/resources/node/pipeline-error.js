// pipeline where the middle stream fails: everything is destroyed, the callback gets the error.
const { Readable, Transform, Writable, pipeline } = require('stream');
const log = (...a) => console.log(a.join(' '));
const src = new Readable({ read() {} });
const t = new Transform({ transform(c, e, cb) { cb(new Error('bad chunk')); } });
const dest = new Writable({ write(c, e, cb) { cb(); } });
for (const [n, s] of [['src', src], ['t', t], ['dest', dest]]) {
  s.on('close', () => log(n, 'close', 'destroyed=' + s.destroyed));
  s.on('error', (e) => log(n, 'error', e.code || e.message));
}
pipeline(src, t, dest, (err) => log('cb', err.message));
src.push('x');
