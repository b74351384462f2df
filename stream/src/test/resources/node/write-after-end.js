// Writing after end: the callback and 'error' get ERR_STREAM_WRITE_AFTER_END, then 'close'.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', (e) => log('error', e.code, e.message));
w.on('finish', () => log('finish'));
w.on('close', () => log('close', 'errored=' + (w.errored && w.errored.code)));
w.end();
log('write', w.write('x', (e) => log('cb', e && e.code)));
log('destroyed=' + w.destroyed);
