// autoDestroy false keeps a finished stream open; emitClose false destroys without 'close'.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ autoDestroy: false, read() { this.push('a'); this.push(null); } });
r.on('data', () => {});
r.on('end', () => { log('r end'); setImmediate(() => { log('r destroyed', r.destroyed); r.destroy(); }); });
r.on('close', () => log('r close'));
const w = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
w.on('finish', () => log('w finish'));
w.on('close', () => log('w close (never)'));
w.end('x', () => { log('w end cb'); process.nextTick(() => log('w destroyed', w.destroyed, 'closed', w.closed)); });
const r2 = new Readable({ emitClose: false, read() {} });
r2.on('close', () => log('r2 close (never)'));
r2.destroy();
process.nextTick(() => log('r2 destroyed', r2.destroyed, 'closed', r2.closed));
