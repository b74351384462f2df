// read(n) sizing: exact n across chunks, null when short, the rest after EOF, hwm growth, read(0).
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
let reads = 0;
const r = new Readable({ highWaterMark: 4, read(size) { reads++; log('_read', size); } });
r.push('abc');
r.push('defg');
log('len', r.readableLength, 'reads', reads);
const show = (x) => (x === null ? 'null' : x.toString());
log('read(2)', show(r.read(2)), 'len', r.readableLength);
log('read(4)', show(r.read(4)), 'len', r.readableLength);
log('read(5)', show(r.read(5)), 'len', r.readableLength, 'hwm', r.readableHighWaterMark);
log('read(0)', show(r.read(0)), 'len', r.readableLength);
log('read(9)', show(r.read(9)), 'hwm', r.readableHighWaterMark);
r.on('readable', () => log('readable', 'len', r.readableLength));
r.on('end', () => log('end'));
process.nextTick(() => {
  r.push('hijklmnopq');
  log('pushed', 'len', r.readableLength);
  log('read()', show(r.read()), 'len', r.readableLength);
  r.push('z');
  r.push(null);
  log('read(5) after eof', show(r.read(5)), 'len', r.readableLength);
  log('read() after eof', show(r.read()));
});
