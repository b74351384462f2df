// Which listeners start the flow: on/once('data') resume, prependListener('data') does not;
// removing 'readable' hands control back to 'data'; removing 'data' does not stop the flow.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const mk = () => new Readable({ read() {} });
const a = mk();
a.once('data', (c) => log('a once data', c.toString(), a.readableFlowing));
log('a flowing', a.readableFlowing);
a.push('1'); a.push('2');
const b = mk();
b.prependListener('data', (c) => log('b data', c.toString()));
log('b flowing', b.readableFlowing);
b.push('x');
const c = mk();
const onReadable = () => log('c readable', c.readableLength);
c.on('readable', onReadable);
c.on('data', (d) => log('c data', d.toString()));
log('c flowing', c.readableFlowing, c.isPaused());
c.push('y');
setImmediate(() => {
  log('a', a.readableFlowing, a.readableLength, 'b', b.readableFlowing, b.readableLength);
  c.removeListener('readable', onReadable);
  log('c flowing after remove', c.readableFlowing);
  process.nextTick(() => {
    log('c flowing next tick', c.readableFlowing);
    c.push('z');
    setImmediate(() => {
      const d = mk();
      const onData = (x) => log('d data', x.toString());
      d.on('data', onData);
      d.push('p');
      setImmediate(() => {
        d.removeListener('data', onData);
        log('d flowing', d.readableFlowing);
        d.push('q');
        log('d len', d.readableLength);
        d.pause(); log('d paused', d.isPaused(), d.readableFlowing);
        d.resume(); d.pause(); log('d resume+pause', d.readableFlowing);
        process.nextTick(() => log('d after tick', d.readableFlowing, d.readableLength));
      });
    });
  });
});
