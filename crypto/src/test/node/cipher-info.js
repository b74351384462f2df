'use strict';
// Writes ../../main/resources/dev/nodeshim/crypto/cipher-info.tsv, the facts behind getCipherInfo():
// for every cipher name Node 20 lists (with --openssl-legacy-provider, which lists the legacy ones
// too; getCipherInfo answers for those even without the flag), OpenSSL's canonical name, nid, mode,
// block size, IV length and key length as node prints them ('-' where node omits the field).
// Run: node --openssl-legacy-provider crypto/src/test/node/cipher-info.js
const c = require('crypto');
const fs = require('fs');
const path = require('path');
if (!process.execArgv.includes('--openssl-legacy-provider')) throw new Error('run with --openssl-legacy-provider');
const rows = c.getCiphers().map((n) => {
  const i = c.getCipherInfo(n);
  const f = (v) => (v === undefined ? '-' : String(v));
  return [n.toLowerCase(), i.name, i.nid, i.mode, f(i.blockSize), f(i.ivLength), i.keyLength].join('\t');
});
fs.writeFileSync(path.join(__dirname, '..', '..', 'main', 'resources', 'dev', 'nodeshim', 'crypto', 'cipher-info.tsv'),
  rows.join('\n') + '\n');
