// A Readable that pushes everything synchronously inside _read, consumed by 'data'.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({
  read() { log('_read'); this.push('a'); this.push('b'); this.push(null); },
});
r.on('data', (c) => log('data', c.toString(), 'flowing=' + r.readableFlowing));
r.on('end', () => log('end', 'ended=' + r.readableEnded));
r.on('close', () => log('close', 'destroyed=' + r.destroyed));
r.on('resume', () => log('resume'));
log('sync-end', 'flowing=' + r.readableFlowing);
process.nextTick(() => log('tick1'));
setImmediate(() => log('immediate'));
