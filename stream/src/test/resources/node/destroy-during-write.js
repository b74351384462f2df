// destroy() while a write is in flight: buffered writes and end callbacks fail, the late callback is ignored.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
let pending;
const w = new Writable({ write(c, e, cb) { log('_write', c.toString()); pending = cb; } });
w.on('error', (e) => log('error', e.message));
w.on('close', () => log('close', w.writableLength));
w.on('finish', () => log('finish'));
w.write('a', (e) => log('cb a', e && e.code));
w.write('b', (e) => log('cb b', e && e.code));
w.end((e) => log('end cb', e && e.code));
log('len', w.writableLength);
w.destroy();
log('destroyed', w.destroyed, 'len', w.writableLength);
setImmediate(() => { log('late cb'); pending(); log('after late', w.writableLength); w.write('c', (e) => log('cb c', e && e.code)); });
