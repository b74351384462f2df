// Writes ../string-decoder-cases.jsonl: random byte streams cut into random pieces, and what node's
// StringDecoder returns for each write() and for end(). Run: node string-decoder-cases.js
const { StringDecoder } = require('string_decoder');
const fs = require('fs');
const path = require('path');
let seed = 20261123;
const rand = (n) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 16) % n; };
const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x82, 0xac, 0x9f, 0xa0, 0x90, 0x8f, 0xd8, 0xdc, 0x3d];
const valid = ['a', 'é', '€', '😀', '\u0800', '\uffff', '\ud7ff', '\u{10ffff}', '\u{10000}'];
function bytesFor(enc) {
  const parts = [];
  const n = 1 + rand(12);
  for (let i = 0; i < n; i++) {
    const k = rand(3);
    if (k === 0) parts.push(...Buffer.from(valid[rand(valid.length)], enc === 'utf16le' ? 'utf16le' : 'utf8'));
    else if (k === 1) parts.push(interesting[rand(interesting.length)]);
    else parts.push(rand(256));
  }
  return Buffer.from(parts);
}
const out = [];
for (const enc of ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii']) {
  const count = enc === 'utf8' ? 1500 : enc === 'utf16le' ? 600 : 150;
  for (let c = 0; c < count; c++) {
    const bytes = bytesFor(enc);
    const cuts = [];
    let at = 0;
    while (at < bytes.length) { const len = 1 + rand(4); cuts.push(Math.min(len, bytes.length - at)); at += len; }
    const d = new StringDecoder(enc);
    const writes = [];
    let off = 0;
    for (const len of cuts) { writes.push(d.write(bytes.subarray(off, off + len))); off += len; }
    const end = d.end();
    out.push(JSON.stringify({ enc, hex: bytes.toString('hex'), cuts, writes, end }));
  }
}
fs.writeFileSync(path.join(__dirname, '..', 'string-decoder-cases.jsonl'), out.join('\n') + '\n');
