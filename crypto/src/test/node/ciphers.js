'use strict';
// Writes ../resources/ciphers.tsv: for every name of Node's getCiphers(), a key, IV, AAD and plaintext
// (deterministic bytes) and what Node 20 gives: ciphertext, tag, and the update() output lengths of a
// fixed chunking (run: node crypto/src/test/node/ciphers.js). des3-wrap is random, so its row carries
// only the round trip (ciphertext '-'). Chunks are passed as fresh Buffers: an empty subarray of an
// empty Buffer reaches OpenSSL as a null pointer, which CCM takes for no update at all.
const c = require('crypto');
const fs = require('fs');
const path = require('path');
const bytes = (n, seed) => Buffer.alloc(n).map((_, i) => (i * 31 + seed * 17 + 7) & 0xff);
// Run with --openssl-legacy-provider, it writes ../resources/legacy-ciphers.tsv instead: the names the
// legacy provider adds, and for the variable-length-key ciphers (bf, cast5, rc2, rc4) keys of many lengths.
const legacy = process.execArgv.includes('--openssl-legacy-provider');
const variable = new Set(['bf', 'bf-cbc', 'bf-cfb', 'bf-ecb', 'bf-ofb', 'blowfish', 'cast', 'cast-cbc', 'cast5-cbc',
  'cast5-cfb', 'cast5-ecb', 'cast5-ofb', 'rc2', 'rc2-128', 'rc2-40', 'rc2-40-cbc', 'rc2-64', 'rc2-64-cbc', 'rc2-cbc',
  'rc2-cfb', 'rc2-ecb', 'rc2-ofb', 'rc4', 'rc4-40', 'rc4-hmac-md5']);
const names = legacy
  ? c.getCiphers().filter((n) => !require('child_process').execFileSync(process.execPath,
    ['-p', 'JSON.stringify(require("crypto").getCiphers())']).toString().includes('"' + n + '"'))
  : c.getCiphers();
const rows = [];
for (const name of names) {
  const info = c.getCipherInfo(name);
  const aead = /gcm|ccm|ocb/.test(info.mode) || name === 'chacha20-poly1305';
  const keyLengths = legacy && variable.has(name) ? [info.keyLength, 1, 3, 5, 10, 17, 57, 72, 100, 300]
    : [info.keyLength];
  for (const keyLength of keyLengths) {
  const key = bytes(keyLength, 1);
  const iv = info.ivLength === undefined ? null : bytes(info.ivLength, 2);
  const opts = aead ? { authTagLength: 16 } : undefined;
  for (const len of keyLength === info.keyLength ? [0, 1, 15, 16, 17, 33, 64, 100] : [17]) {
    let pt = bytes(len, 3);
    let chunks;
    if (info.mode === 'wrap') {
      if (name.includes('pad') ? len === 0 : (len < 16 || len % 8 !== 0)) continue;
      chunks = [len];
    } else if (info.mode === 'xts') {
      if (len < 16) continue;
      chunks = [len];
    } else if (info.mode === 'ccm') {
      chunks = [len];
    } else {
      chunks = [Math.min(len, 5), Math.max(0, len - 5)];
    }
    const aad = aead ? bytes(7, 4) : null;
    let out, tag = '-', sizes, decSizes = '-';
    try {
      const ci = c.createCipheriv(name, key, iv, opts);
      if (aad) ci.setAAD(aad, { plaintextLength: len });
      const parts = [];
      let at = 0;
      for (const n of chunks) { parts.push(ci.update(Buffer.concat([pt.subarray(at, at + n)]))); at += n; }
      parts.push(ci.final());
      sizes = parts.map((p) => p.length).join(',');
      out = Buffer.concat(parts).toString('hex');
      if (aead) tag = ci.getAuthTag().toString('hex');
      // and back, cut at the same first point: the sizes update() and final() return while decrypting
      try {
        const de = c.createDecipheriv(name, key, iv, opts);
        if (aad) de.setAAD(aad, { plaintextLength: len });
        if (aead) de.setAuthTag(ci.getAuthTag());
        const ct = Buffer.concat(parts);
        const cuts = chunks.length === 1 ? [ct] : [ct.subarray(0, chunks[0]), ct.subarray(chunks[0])];
        const back = cuts.map((p) => de.update(Buffer.concat([p])));
        back.push(de.final());
        decSizes = back.map((p) => p.length).join(',');
      } catch (e) {
        decSizes = 'ERR ' + e.message;
      }
    } catch (e) {
      out = 'ERR ' + e.message;
      sizes = '-';
    }
    rows.push([name, key.toString('hex'), iv ? iv.toString('hex') : '-', aad ? aad.toString('hex') : '-',
      pt.toString('hex') || '-', chunks.join(','), name === 'des3-wrap' || name === 'id-smime-alg-CMS3DESwrap' ? '-' : out, tag, sizes,
      decSizes].join('\t'));
  }
  }
}
fs.writeFileSync(path.join(__dirname, '..', 'resources', legacy ? 'legacy-ciphers.tsv' : 'ciphers.tsv'),
  rows.join('\n') + '\n');
