// Readable.from(iterable): object mode, highWaterMark 1, pulled one element at a time.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
function* gen() { for (const x of ['a', 'b', 'c']) { log('yield', x); yield x; } }
const r = Readable.from(gen());
log('objectMode=' + r.readableObjectMode, 'hwm=' + r.readableHighWaterMark);
r.on('data', (x) => log('data', x));
r.on('end', () => log('end'));
r.on('close', () => log('close'));
