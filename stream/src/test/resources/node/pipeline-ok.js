// pipeline(src, transform, dest, cb) succeeding: the callback comes after every 'close'.
const { Readable, PassThrough, Writable, pipeline } = require('stream');
const log = (...a) => console.log(a.join(' '));
const src = Readable.from(['a', 'b']);
const pt = new PassThrough();
const out = [];
const dest = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
for (const [n, s] of [['src', src], ['pt', pt], ['dest', dest]]) {
  s.on('close', () => log(n, 'close'));
  s.on('error', (e) => log(n, 'error', e.message));
}
dest.on('finish', () => log('dest finish'));
pipeline(src, pt, dest, (err) => log('cb', err === undefined ? 'undefined' : err, out.join('')));
