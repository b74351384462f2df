// Pushes from later ticks into a flowing stream: 'data' is synchronous with push.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
let n = 0;
const r = new Readable({
  highWaterMark: 4,
  read(size) {
    log('_read', size);
    setImmediate(() => {
      n++;
      log('push', n, this.push(n < 3 ? 'xx' + n : null));
    });
  },
});
r.on('data', (c) => log('data', c.toString(), 'len=' + r.readableLength));
r.on('end', () => log('end'));
r.on('close', () => log('close'));
