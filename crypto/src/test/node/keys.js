#!/usr/bin/env node
'use strict';
// Writes crypto/src/test/resources/keys.tsv: one key pair per family, made by Node, and what Node says
// about it — every export format and type (or the error), details, encrypted forms, and signatures.
// Lines: key <TAB> field <TAB> value (PEM and JWK as base64 of their text, bytes as hex, errors as
// "!" name|code|message). Run: node crypto/src/test/node/keys.js (keys are random: the file changes).
const c = require('crypto');
const fs = require('fs');
const path = require('path');

const pairs = {
  rsa: c.generateKeyPairSync('rsa', { modulusLength: 1024 }),
  'rsa-pss': c.generateKeyPairSync('rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32 }),
  'rsa-pss-plain': c.generateKeyPairSync('rsa-pss', { modulusLength: 1024 }),
  dsa: c.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }),
  'ec-prime256v1': c.generateKeyPairSync('ec', { namedCurve: 'prime256v1' }),
  'ec-secp384r1': c.generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  'ec-secp521r1': c.generateKeyPairSync('ec', { namedCurve: 'secp521r1' }),
  'ec-secp256k1': c.generateKeyPairSync('ec', { namedCurve: 'secp256k1' }),
  ed25519: c.generateKeyPairSync('ed25519'),
  ed448: c.generateKeyPairSync('ed448'),
  x25519: c.generateKeyPairSync('x25519'),
  x448: c.generateKeyPairSync('x448'),
};
const lines = [];
const val = (v) => (typeof v === 'string' ? 'b64:' + Buffer.from(v).toString('base64')
  : Buffer.isBuffer(v) ? v.toString('hex') : 'json:' + Buffer.from(JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? x.toString() : x))).toString('base64'));
const put = (name, field, f) => {
  let v;
  try { v = val(f()); } catch (e) { v = '!' + e.name + '|' + e.code + '|' + e.message; }
  lines.push(`${name}\t${field}\t${v}`);
};
const data = Buffer.from('nodeshim signs this');
for (const [name, kp] of Object.entries(pairs)) {
  const { privateKey, publicKey } = kp;
  put(name, 'type', () => privateKey.asymmetricKeyType);
  put(name, 'details', () => privateKey.asymmetricKeyDetails);
  for (const format of ['pem', 'der']) {
    for (const type of ['pkcs1', 'pkcs8', 'sec1']) put(name, `private.${format}.${type}`, () => privateKey.export({ format, type }));
    for (const type of ['pkcs1', 'spki']) put(name, `public.${format}.${type}`, () => publicKey.export({ format, type }));
  }
  put(name, 'private.jwk', () => privateKey.export({ format: 'jwk' }));
  put(name, 'public.jwk', () => publicKey.export({ format: 'jwk' }));
  put(name, 'encrypted.pkcs8', () => privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'top secret' }));
  put(name, 'encrypted.der', () => privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'des-ede3-cbc', passphrase: 'top secret' }));
  put(name, 'encrypted.pkcs1', () => privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'top secret' }));
  put(name, 'encrypted.sec1', () => privateKey.export({ format: 'pem', type: 'sec1', cipher: 'aes-192-cbc', passphrase: 'top secret' }));
  const t = privateKey.asymmetricKeyType;
  if (t === 'x25519' || t === 'x448') continue;
  const alg = t.startsWith('ed') ? null : 'sha256';
  put(name, 'signature', () => c.sign(alg, data, privateKey));
  if (t.startsWith('rsa')) put(name, 'signature.pss', () => c.sign(alg, data, { key: privateKey, padding: c.constants.RSA_PKCS1_PSS_PADDING }));
  if (t === 'ec' || t === 'dsa') put(name, 'signature.p1363', () => c.sign(alg, data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  if (t === 'rsa') {
    put(name, 'oaep', () => c.publicEncrypt({ key: publicKey, oaepHash: 'sha256', oaepLabel: Buffer.from('label') }, data));
    put(name, 'pkcs1enc', () => c.publicEncrypt({ key: publicKey, padding: c.constants.RSA_PKCS1_PADDING }, data));
    put(name, 'privenc', () => c.privateEncrypt(privateKey, data));
  }
}
fs.writeFileSync(path.join(__dirname, '..', 'resources', 'keys.tsv'), lines.join('\n') + '\n');
console.log(lines.length + ' lines');
