'use strict';
// Writes ../resources/cipher-info-options.tsv: getCipherInfo(name, {keyLength}) and (name, {ivLength})
// for every cipher name (legacy ones too) and a sweep of lengths, as node 20 answers: name, which option,
// the length, then "-" for undefined or "ivLength/keyLength" of the answer.
// Run: node --openssl-legacy-provider crypto/src/test/node/cipher-info-options.js
const c = require('crypto');
const fs = require('fs');
const path = require('path');
const rows = [];
for (const n of c.getCiphers()) {
  for (const which of ['keyLength', 'ivLength']) {
    for (const len of [-1, 0, 1, 4, 5, 7, 8, 12, 13, 15, 16, 17, 24, 32, 64, 128, 129]) {
      const i = c.getCipherInfo(n, { [which]: len });
      rows.push([n, which, len, i === undefined ? '-' : `${i.ivLength}/${i.keyLength}`].join('\t'));
    }
  }
}
fs.writeFileSync(path.join(__dirname, '..', 'resources', 'cipher-info-options.tsv'), rows.join('\n') + '\n');
