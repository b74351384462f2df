'use strict';
// Writes ../resources/hashes.tsv: for every name of Node's getHashes(), the digests and HMACs the
// unit tests compare against (run: node crypto/src/test/node/hashes.js). Columns: name, input hex,
// digest hex, hmac(key "key") hex, hmac(200-byte key) hex ('-' for XOFs, which HMAC refuses).
const c = require('crypto');
const fs = require('fs');
const path = require('path');
const inputs = ['', '616263', Buffer.from('The quick brown fox jumps over the lazy dog').toString('hex'),
  Buffer.alloc(300, 0xa5).toString('hex')];
const longKey = Buffer.alloc(200).map((_, i) => i);
const rows = [];
for (const name of c.getHashes()) {
  for (const hex of inputs) {
    const data = Buffer.from(hex, 'hex');
    const d = c.createHash(name).update(data).digest('hex');
    let h1 = '-', h2 = '-';
    try {
      h1 = c.createHmac(name, 'key').update(data).digest('hex');
      h2 = c.createHmac(name, longKey).update(data).digest('hex');
    } catch (e) { /* XOF */ }
    rows.push([name, hex || '-', d, h1, h2].join('\t'));
  }
}
fs.writeFileSync(path.join(__dirname, '..', 'resources', 'hashes.tsv'), rows.join('\n') + '\n');
