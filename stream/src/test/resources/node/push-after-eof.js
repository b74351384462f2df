// push() after push(null), and a bad chunk type: errors emitted through destroy.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const r = new Readable({ read() {} });
r.on('error', (e) => log('error', e.name, e.code, e.message));
r.on('close', () => log('close'));
r.push(null);
log('push', r.push('x'));
const r2 = new Readable({ read() {} });
r2.on('error', (e) => log('error2', e.name, e.code, e.message));
log('push2', r2.push(5));
const r3 = new Readable({ objectMode: true, read() {} });
r3.on('data', (o) => log('obj', JSON.stringify(o)));
r3.push({ a: 1 });
r3.push(7);
