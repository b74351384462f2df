// Regenerates transcode.txt: node transcode.js > transcode.txt
// One line per case: FROM TO INPUT_HEX RESULT, RESULT being the output hex ("-" when empty) or
// !CODE/ERRNO (the message is always `Unable to transcode Buffer [CODE]`).
'use strict';
const { transcode } = require('buffer');
const encodings = ['ascii', 'latin1', 'utf8', 'ucs2', 'UTF-16LE', 'binary', 'hex', 'base64', 'nope'];
const unsupported = new Set(['hex', 'base64', 'nope']);
const samples = [
  '', '41', '410042', '3dd8', '00de4100', '3dd83dd800de', 'e9ff80', 'c3a9c3', 'eda08041', 'f4908080',
  'c080', 'e282', 'e28241', 'f09f9880', 'efbbbf41', 'fffe4100', 'feff0041', 'ad41', 'c2ad41', 'e2808b41',
  'f3a08081', '0b200b20', 'ff', '80', '7f', '3d00', 'fdff', 'ffff', '3dd800de', 'f09f9880e282ac', 'acc2',
];
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
for (let i = 0; i < 40; i++) {
  const n = Math.floor(rnd() * 9);
  let h = '';
  for (let k = 0; k < n; k++) {
    const pick = rnd();
    const b = pick < 0.3 ? Math.floor(rnd() * 0x80) : pick < 0.5 ? 0xd8 + Math.floor(rnd() * 8) : Math.floor(rnd() * 256);
    h += b.toString(16).padStart(2, '0');
  }
  samples.push(h);
}
for (const from of encodings) {
  for (const to of encodings) {
    for (const hex of unsupported.has(from) || unsupported.has(to) ? samples.slice(0, 3) : samples) {
      let out;
      try {
        const r = transcode(Buffer.from(hex, 'hex'), from, to);
        out = r.length ? r.toString('hex') : '-';
      } catch (e) {
        if (e.message !== `Unable to transcode Buffer [${e.code}]`) throw e;
        out = '!' + e.code + '/' + e.errno;
      }
      console.log(`${from} ${to} ${hex || '-'} ${out}`);
    }
  }
}
