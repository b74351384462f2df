// setEncoding('utf8') never splits a character across 'data' events.
const { Readable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const bytes = Buffer.from('h€llo 😀', 'utf8');
const r = new Readable({ read() {} });
r.setEncoding('utf8');
r.on('data', (s) => log('data', JSON.stringify(s), typeof s));
r.on('end', () => log('end', r.readableEncoding));
for (let i = 0; i < bytes.length; i++) r.push(bytes.subarray(i, i + 1));
r.push(Buffer.from([0xe2, 0x82]));
r.push(null);
