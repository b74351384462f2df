// Paused mode with 'readable' and read(n).
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ read() {} });
r.push('hello');
r.push('world');
log('length', r.readableLength, 'flowing=' + r.readableFlowing);
r.on('readable', () => {
  let chunk;
  log('readable', 'len=' + r.readableLength);
  while ((chunk = r.read(3)) !== null) log('read', chunk.toString());
  log('after-loop', 'len=' + r.readableLength);
});
r.on('end', () => log('end'));
r.on('close', () => log('close'));
setImmediate(() => { log('push-null'); r.push(null); });
log('flowing=' + r.readableFlowing, 'paused=' + r.isPaused());
