// finished() on a Readable destroyed before 'end': ERR_STREAM_PREMATURE_CLOSE.
const { Readable, Writable, finished } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ read() {} });
r.on('close', () => log('close'));
finished(r, (err) => log('finished', err.code, err.message));
r.destroy();
const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('finish', () => log('w finish'));
w.on('close', () => log('w close'));
finished(w, (err) => log('w finished', err));
w.end('x');
