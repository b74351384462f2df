// destroy(err) on a Readable with data buffered: error then close, in one tick; no end.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ read() {}, destroy(err, cb) { log('_destroy', err.message); cb(err); } });
r.push('a');
r.on('data', (c) => log('data', c.toString()));
r.on('end', () => log('end'));
r.on('error', (e) => log('error', e.message, 'destroyed=' + r.destroyed, 'closed=' + r.closed));
r.on('close', () => log('close', 'errored=' + r.errored.message));
r.destroy(new Error('boom'));
log('destroyed=' + r.destroyed, 'closed=' + r.closed, 'readable=' + r.readable);
r.destroy(new Error('again'));
process.nextTick(() => log('tick1'));
