// Writes src/main/resources/dev/nodeshim/crypto/ec-params.tsv: for every curve of crypto.getCurves(),
// the OID Node's named encoding writes (empty where OpenSSL has none) and the ECParameters Node's
// explicit encoding (paramEncoding: 'explicit') writes, as hex. Run from crypto/: node src/test/node/ec-params.js
'use strict';
const crypto = require('crypto');
const fs = require('fs');

// one TLV at off: [contentStart, end]
function tlv(buf, off) {
  let len = buf[off + 1];
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
  }
  return [p, p + len];
}

// SubjectPublicKeyInfo → the AlgorithmIdentifier's parameters, whole TLV
function params(spki) {
  const [algStart] = tlv(spki, tlv(spki, 0)[0]);
  const oidEnd = tlv(spki, algStart)[1];
  return spki.subarray(oidEnd, tlv(spki, oidEnd)[1]);
}

function oidText(der) {
  const b = der.subarray(2);
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) { parts.push(v); v = 0; }
  }
  return parts.join('.');
}

const lines = ['# name\tOID (named encoding; empty: OpenSSL has none)\tECParameters of the explicit encoding (hex)'];
for (const name of crypto.getCurves()) {
  const gen = (paramEncoding) => crypto.generateKeyPairSync('ec', {
    namedCurve: name, paramEncoding, publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' } }).publicKey;
  let oid = '';
  try { oid = oidText(params(gen('named'))); } catch (e) { if (e.code !== 'ERR_OSSL_MISSING_OID') throw e; }
  lines.push([name, oid, params(gen('explicit')).toString('hex')].join('\t'));
}
fs.writeFileSync('src/main/resources/dev/nodeshim/crypto/ec-params.tsv', lines.join('\n') + '\n');
