// A Duplex with allowHalfOpen false: the writable side ends on the tick after 'end'.
const { Duplex } = require('stream');
const log = (...a) => console.log(a.join(' '));
const d = new Duplex({
  allowHalfOpen: false,
  read() { this.push('r'); this.push(null); },
  write(c, e, cb) { log('_write', c.toString()); cb(); },
  final(cb) { log('_final'); cb(); },
});
for (const ev of ['end', 'prefinish', 'finish', 'close']) d.on(ev, () => log(ev));
d.on('data', (c) => log('data', c.toString()));
d.write('w');
