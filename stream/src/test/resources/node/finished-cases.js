// finished() on streams already done, on errors, and its cleanup function.
const { Readable, Writable, Duplex, finished } = require('stream');
const log = (...a) => console.log(a.join(' '));
const ended = new Readable({ read() { this.push(null); } });
ended.resume();
ended.on('close', () => {
  log('ended closed');
  finished(ended, (err) => log('finished on closed', err));
});
const noClose = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
noClose.end('x');
noClose.on('finish', () => process.nextTick(() => finished(noClose, (err) => log('finished on finished no-close', err))));
const failing = new Writable({ write(c, e, cb) { cb(new Error('nope')); } });
failing.on('error', () => log('failing error listener'));
finished(failing, (err) => log('finished error', err.message));
failing.write('x');
const watched = new Readable({ read() {} });
const cleanup = finished(watched, () => log('never called'));
log('listeners', watched.listenerCount('end'), watched.listenerCount('close'), watched.listenerCount('error'));
cleanup();
log('after cleanup', watched.listenerCount('end'), watched.listenerCount('close'), watched.listenerCount('error'));
watched.destroy();
const duplex = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
finished(duplex, (err) => log('duplex finished', err ? err.code : 'ok'));
duplex.end();
duplex.on('finish', () => { log('duplex finish'); duplex.push(null); duplex.resume(); });
duplex.on('end', () => log('duplex end'));
duplex.on('close', () => log('duplex close'));
