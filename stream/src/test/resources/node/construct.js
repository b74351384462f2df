// construct(cb): _write waits until construction completes; destroy before it is deferred.
const { Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const w = new Writable({
  construct(cb) { log('_construct'); setImmediate(() => { log('constructed'); cb(); }); },
  write(c, e, cb) { log('_write', c.toString()); cb(); },
});
w.on('finish', () => log('finish'));
w.on('close', () => log('close'));
log('write', w.write('a'));
w.end();
log('sync-end');
