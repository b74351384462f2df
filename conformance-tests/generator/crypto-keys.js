#!/usr/bin/env node
'use strict';
// The key probes of shared/CONFORMANCE.md's crypto table — crypto.sign, crypto.verify and
// crypto.keyExport — generated from real Node. Run by generator/crypto.js (or alone:
// `node conformance-tests/generator/crypto-keys.js`); writes cases/crypto/keys-{sign,verify,export}.jsonl.
//
// Keys and signatures are random when Node makes them, so they were made once, by
// `node conformance-tests/generator/crypto-keys.js --make-fixture`, into generator/crypto-keys.json
// (key pairs of every family, encrypted PEMs of them, and ECDSA/PSS/DSA/EdDSA/RSA signatures). Every
// case is built from that file and a seeded PRNG, and only deterministic outcomes are kept (RSA
// PKCS#1 v1.5 and EdDSA signatures, verifications, exports without a cipher, errors), so re-running
// gives the same files byte for byte.
//
// keys-curves.jsonl: EC keys on every curve of getCurves() (both parameter encodings, Node's ECDSA
// signatures), from generator/crypto-keys-curves.json (made once, by --make-curves-fixture), and the
// crypto.ecKeyPair probe (generateKeyPairSync('ec', …): details and the SPKI's parameters).

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { rng, encode, decode, throwsOut, writeCases, pad } = require('./common');

const FIXTURE = path.join(__dirname, 'crypto-keys.json');
const PASSPHRASE = 'correct horse';

// ================================================================================================
// The fixture (made once)
// ================================================================================================

function makeFixture() {
  const gen = {
    rsa1024: ['rsa', { modulusLength: 1024 }],
    rsa2048: ['rsa', { modulusLength: 2048, publicExponent: 3 }],
    rsa512: ['rsa', { modulusLength: 512 }],
    'rsa-pss': ['rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32 }],
    'rsa-pss-plain': ['rsa-pss', { modulusLength: 1024 }],
    dsa1024: ['dsa', { modulusLength: 1024, divisorLength: 160 }],
    dsa2048: ['dsa', { modulusLength: 2048, divisorLength: 256 }],
    p256: ['ec', { namedCurve: 'prime256v1' }],
    p384: ['ec', { namedCurve: 'secp384r1' }],
    p521: ['ec', { namedCurve: 'secp521r1' }],
    k256: ['ec', { namedCurve: 'secp256k1' }],
    ed25519: ['ed25519', {}],
    ed448: ['ed448', {}],
    x25519: ['x25519', {}],
    x448: ['x448', {}],
  };
  const keys = {};
  const encrypted = [];
  for (const [name, [type, opts]] of Object.entries(gen)) {
    const kp = crypto.generateKeyPairSync(type, opts);
    keys[name] = {
      private: kp.privateKey.export({ format: 'pem', type: 'pkcs8' }),
      public: kp.publicKey.export({ format: 'pem', type: 'spki' }),
    };
    for (const cipher of ['aes-256-cbc', 'aes-128-cbc', 'des-ede3-cbc', 'camellia-192-cbc', 'aes-192-ofb']) {
      encrypted.push({ key: name, pem: kp.privateKey.export({ format: 'pem', type: 'pkcs8', cipher, passphrase: PASSPHRASE }) });
    }
    const traditional = type === 'rsa' ? 'pkcs1' : type === 'ec' ? 'sec1' : null;
    if (traditional) {
      for (const cipher of ['aes-128-cbc', 'aes-256-cbc', 'des-ede3-cbc', 'aria-128-cbc']) {
        encrypted.push({ key: name, pem: kp.privateKey.export({ format: 'pem', type: traditional, cipher, passphrase: PASSPHRASE }) });
      }
    }
  }
  // signatures that are random when made: made here once, verified by the cases
  const signatures = [];
  const r = rng(77);
  const datas = ['', 'abc', 'h\u00e9llo w\u00f6rld \u2603'];
  for (let i = 0; i < 2; i++) datas.push({ $hex: Buffer.from(Array.from({ length: r.int(1, 200) }, () => r.int(0, 255))).toString('hex') });
  const sig = (key, algorithm, options) => {
    for (const data of datas) {
      const d = typeof data === 'string' ? data : Buffer.from(data.$hex, 'hex');
      let s;
      try {
        s = crypto.sign(algorithm, d, { key: keys[key].private, ...options });
      } catch (e) {
        process.stdout.write(`no signature ${key} ${algorithm} ${JSON.stringify(options)}: ${e.message}\n`);
        continue;
      }
      signatures.push({ key, algorithm, options, data, signature: s.toString('hex') });
    }
  };
  for (const key of ['p256', 'p384', 'p521', 'k256']) {
    for (const alg of ['sha256', 'sha1', 'sha384', 'sha512', 'sha3-256']) {
      sig(key, alg, {});
      sig(key, alg, { dsaEncoding: 'ieee-p1363' });
    }
  }
  for (const key of ['dsa1024', 'dsa2048']) {
    for (const alg of ['sha256', 'sha1', 'sha512']) {
      sig(key, alg, {});
      sig(key, alg, { dsaEncoding: 'ieee-p1363' });
    }
  }
  for (const key of ['rsa1024', 'rsa2048']) {
    for (const alg of ['sha256', 'sha1', 'sha512', 'sha3-384']) {
      for (const saltLength of [undefined, -1, -2, 0, 16]) {
        const options = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING };
        if (saltLength !== undefined) options.saltLength = saltLength;
        sig(key, alg, options);
      }
    }
  }
  sig('rsa-pss', 'sha256', {});
  sig('rsa-pss', 'sha256', { saltLength: 40 });
  sig('rsa-pss-plain', 'sha384', {});
  sig('rsa-pss-plain', 'sha256', { saltLength: 0 });
  for (const key of ['ed25519', 'ed448']) sig(key, null, {});
  fs.writeFileSync(FIXTURE, JSON.stringify({ passphrase: PASSPHRASE, keys, encrypted, signatures,
    ciphertexts: makeCiphertexts(keys) }, null, 1) + '\n');
  process.stdout.write(`wrote ${path.relative(process.cwd(), FIXTURE)}\n`);
}

/** RSA-OAEP ciphertexts (random when made) for the crypto.rsaCrypt cases to decrypt. */
function makeCiphertexts(keys) {
  const out = [];
  const r = rng(78);
  for (const key of ['rsa512', 'rsa1024', 'rsa2048']) {
    for (const oaepHash of [undefined, 'sha1', 'sha256', 'sha512', 'md5', 'sha3-256']) {
      for (const label of [undefined, 'label', '']) {
        const options = {};
        if (oaepHash) options.oaepHash = oaepHash;
        if (label !== undefined) options.oaepLabel = { $hex: Buffer.from(label).toString('hex') };
        const data = { $hex: Buffer.from(Array.from({ length: r.int(0, 20) }, () => r.int(0, 255))).toString('hex') };
        let ct;
        try {
          ct = crypto.publicEncrypt({ key: keys[key].public, ...decode(options) }, Buffer.from(data.$hex, 'hex'));
        } catch (e) {
          continue;
        }
        out.push({ key, options, data, ciphertext: ct.toString('hex') });
      }
    }
  }
  return out;
}

// ================================================================================================
// Performing a case in Node
// ================================================================================================

/** A chunk (CONFORMANCE.md) as the value sign/verify take: strings as they are, the rest as bytes. */
function chunkData(c) {
  if (typeof c === 'string') return c;
  if (c && typeof c.s === 'string') return Buffer.from(c.s, c.enc);
  return Buffer.from(decode(c));
}

function isPrivatePem(pem) {
  return /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem);
}

function perform(probe, i) {
  const options = i.options ? decode(i.options) : {};
  switch (probe) {
    case 'crypto.sign':
      return crypto.sign(i.algorithm, chunkData(i.data), { key: i.key, ...options });
    case 'crypto.verify':
      return crypto.verify(i.algorithm, chunkData(i.data), { key: i.key, ...options }, Buffer.from(decode(i.signature)));
    case 'crypto.rsaCrypt':
      return crypto[i.op]({ key: i.key, ...options }, chunkData(i.data));
    case 'crypto.keyImport': {
      const input = { key: typeof i.key === 'string' ? i.key : decode(i.key) };
      for (const f of ['format', 'type', 'passphrase', 'encoding']) if (f in i) input[f] = i[f];
      const k = i.create === 'private' ? crypto.createPrivateKey(input) : crypto.createPublicKey(input);
      const out = { type: k.type, asymmetricKeyType: k.asymmetricKeyType, details: k.asymmetricKeyDetails,
        spki: (k.type === 'private' ? crypto.createPublicKey(k) : k).export({ format: 'der', type: 'spki' }) };
      if (k.type === 'private') out.pkcs8 = k.export({ format: 'der', type: 'pkcs8' });
      return out;
    }
    case 'crypto.keyExport': {
      const input = 'passphrase' in i ? { key: i.key, passphrase: i.passphrase } : i.key;
      const key = isPrivatePem(i.key) ? crypto.createPrivateKey(input) : crypto.createPublicKey(input);
      return key.export(decode(i.export));
    }
    case 'crypto.diffieHellman': {
      const key = (spec) => (spec.create === 'private' ? crypto.createPrivateKey(spec.key) : crypto.createPublicKey(spec.key));
      return crypto.diffieHellman({ privateKey: key(i.privateKey), publicKey: key(i.publicKey) });
    }
    case 'crypto.ecKeyPair': {
      const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', decode(i.options));
      return { details: privateKey.asymmetricKeyDetails, publicDetails: publicKey.asymmetricKeyDetails,
        spkiParams: spkiParams(publicKey.export({ format: 'der', type: 'spki' })) };
    }
    default:
      throw new Error('unknown probe ' + probe);
  }
}

// the AlgorithmIdentifier parameters of a SubjectPublicKeyInfo, whole TLV (a curve's OID or ECParameters)
function spkiParams(spki) {
  const tlv = (off) => {
    let len = spki[off + 1];
    let p = off + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + spki[p++];
    }
    return [p, p + len];
  };
  const algStart = tlv(tlv(0)[0])[0];
  const oidEnd = tlv(algStart)[1];
  return spki.subarray(oidEnd, tlv(oidEnd)[1]);
}

function outcome(probe, input) {
  try {
    return { ok: encode(perform(probe, input)) };
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    return throwsOut(err);
  }
}

function makeCase(probe, input) {
  const roundTrip = JSON.parse(JSON.stringify(input));
  return { probe, in: roundTrip, out: outcome(probe, roundTrip) };
}

// ================================================================================================
// Cases
// ================================================================================================

const hex = (b) => ({ $hex: Buffer.from(b).toString('hex') });

function randData(r) {
  return r.weighted([
    [3, () => r.pick(['', 'abc', 'nodeshim', 'h\u00e9llo w\u00f6rld \u2603', 'a'.repeat(r.int(1, 300))])],
    [4, () => hex(Array.from({ length: r.int(0, 256) }, () => r.int(0, 255)))],
    [1, () => ({ s: Buffer.from(Array.from({ length: r.int(0, 60) }, () => r.int(0, 255))).toString('base64'), enc: 'base64' })],
  ])();
}

const RSA_HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256', 'sha3-224',
  'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160', 'md5-sha1', 'RSA-SHA256', 'SHA384', 'sha256WithRSAEncryption'];
const BAD_HASHES = ['shake256', 'blake2b512', 'sm3', 'nope', 'md4'];

function signCases(r, fx) {
  const out = [];
  const K = fx.keys;
  // deterministic schemes: RSA PKCS#1 v1.5 over every hash OpenSSL allows, EdDSA
  for (const key of ['rsa512', 'rsa1024', 'rsa2048']) {
    for (const algorithm of RSA_HASHES) {
      for (let n = 0; n < 5; n++) {
        const input = { algorithm, key: K[key].private, data: randData(r) };
        if (r.chance(0.3)) input.options = { padding: crypto.constants.RSA_PKCS1_PADDING };
        out.push(makeCase('crypto.sign', input));
      }
    }
    out.push(makeCase('crypto.sign', { algorithm: null, key: K[key].private, data: randData(r) }));
  }
  // ANSI X9.31 (RSA_X931_PADDING): deterministic too
  for (const key of ['rsa1024', 'rsa2048']) {
    for (const algorithm of ['sha1', 'sha256', 'sha384', 'sha512', 'sha224', 'md5']) {
      out.push(makeCase('crypto.sign', { algorithm, key: K[key].private, data: randData(r), options: { padding: 5 } }));
    }
  }
  for (const key of ['ed25519', 'ed448']) {
    for (let n = 0; n < 40; n++) out.push(makeCase('crypto.sign', { algorithm: null, key: K[key].private, data: randData(r) }));
  }
  // errors (deterministic whatever the scheme)
  const errs = [];
  for (const algorithm of BAD_HASHES) {
    errs.push({ algorithm, key: K.rsa1024.private, data: 'abc' });
    errs.push({ algorithm, key: K['rsa-pss'].private, data: 'abc' });
  }
  errs.push({ algorithm: 'sha512', key: K.rsa512.private, data: 'abc', options: { padding: 6, saltLength: 40 } });
  errs.push({ algorithm: 'sha512', key: K.rsa512.private, data: 'abc', options: { padding: 6, saltLength: 1000 } });
  errs.push({ algorithm: 'sha256', key: K.rsa1024.private, data: 'abc', options: { padding: 6, saltLength: -4 } });
  for (const padding of [0, 2, 3, 4, 5, 7]) errs.push({ algorithm: 'sha256', key: K.rsa1024.private, data: 'abc', options: { padding } });
  errs.push({ algorithm: 'sha256', key: K['rsa-pss'].private, data: 'abc', options: { padding: 1 } });
  errs.push({ algorithm: 'sha1', key: K['rsa-pss'].private, data: 'abc' });
  errs.push({ algorithm: 'sha256', key: K['rsa-pss'].private, data: 'abc', options: { saltLength: 16 } });
  errs.push({ algorithm: 'sha256', key: K.p256.private, data: 'abc', options: { dsaEncoding: 'foo' } });
  errs.push({ algorithm: 'sha256', key: K.dsa1024.private, data: 'abc', options: { dsaEncoding: 'DER' } });
  for (const key of ['ed25519', 'ed448']) errs.push({ algorithm: 'sha256', key: K[key].private, data: 'abc' });
  for (const key of ['x25519', 'x448']) errs.push({ algorithm: null, key: K[key].private, data: 'abc' });
  for (const key of ['rsa1024', 'p256', 'ed25519']) errs.push({ algorithm: 'sha256', key: K[key].public, data: 'abc' });
  errs.push({ algorithm: 'sha256', key: 'not a key', data: 'abc' });
  for (const e of errs) out.push(makeCase('crypto.sign', e));
  return out;
}

function tamper(r, sigHex) {
  const b = Buffer.from(sigHex, 'hex');
  if (b.length === 0) return b;
  const kind = r.int(0, 3);
  if (kind === 0) { b[r.int(0, b.length - 1)] ^= 1 << r.int(0, 7); return b; }
  if (kind === 1) return b.subarray(0, b.length - 1);
  if (kind === 2) return Buffer.concat([b, Buffer.from([r.int(0, 255)])]);
  b[b.length - 1] ^= 0x80;
  return b;
}

function verifyCases(r, fx) {
  const out = [];
  const K = fx.keys;
  for (const s of fx.signatures) {
    const base = { algorithm: s.algorithm, key: K[s.key].public, data: s.data, signature: { $hex: s.signature } };
    if (Object.keys(s.options).length) base.options = s.options;
    out.push(makeCase('crypto.verify', base));
    if (r.chance(0.3)) out.push(makeCase('crypto.verify', { ...base, key: K[s.key].private }));
    out.push(makeCase('crypto.verify', { ...base, signature: hex(tamper(r, s.signature)) }));
    out.push(makeCase('crypto.verify', { ...base, data: randData(r) }));
    if (s.options.dsaEncoding) {
      // the same signature read in the other encoding: false
      out.push(makeCase('crypto.verify', { ...base, options: {} }));
    } else if (s.options.padding === 6 && r.chance(0.5)) {
      const options = { ...s.options, saltLength: r.pick([-1, -2, 0, 16, 20, 32, 48, 64, 94]) };
      out.push(makeCase('crypto.verify', { ...base, options }));
    } else if (s.algorithm && r.chance(0.5)) {
      out.push(makeCase('crypto.verify', { ...base, algorithm: r.pick(['sha1', 'sha256', 'sha384', 'sha512']) }));
    }
  }
  // deterministic signatures: made by Node now, from the fixture's keys
  for (const key of ['rsa1024', 'rsa2048', 'ed25519', 'ed448']) {
    for (let n = 0; n < 12; n++) {
      const algorithm = key.startsWith('ed') ? null : r.pick(RSA_HASHES);
      const data = randData(r);
      const sig = crypto.sign(algorithm, chunkData(JSON.parse(JSON.stringify(data))), K[key].private).toString('hex');
      const base = { algorithm, key: K[key].public, data, signature: { $hex: sig } };
      out.push(makeCase('crypto.verify', base));
      out.push(makeCase('crypto.verify', { ...base, signature: hex(tamper(r, sig)) }));
    }
  }
  out.push(makeCase('crypto.verify', { algorithm: 'nope', key: K.rsa1024.public, data: 'abc', signature: { $hex: '00' } }));
  out.push(makeCase('crypto.verify', { algorithm: 'sha256', key: K.ed25519.public, data: 'abc', signature: { $hex: '00' } }));
  out.push(makeCase('crypto.verify', { algorithm: null, key: K.x25519.public, data: 'abc', signature: { $hex: '00' } }));
  out.push(makeCase('crypto.verify', { algorithm: 'sha256', key: K.p256.public, data: 'abc', signature: { $hex: '' } }));
  return out;
}

const PRIVATE_TYPES = ['pkcs1', 'pkcs8', 'sec1'];
const PUBLIC_TYPES = ['pkcs1', 'spki'];

function exportCases(r, fx) {
  const out = [];
  const K = fx.keys;
  const everyExport = (key, isPrivate) => {
    const list = [{ format: 'jwk' }];
    for (const format of ['pem', 'der']) {
      for (const type of isPrivate ? PRIVATE_TYPES : PUBLIC_TYPES) list.push({ format, type });
    }
    return list;
  };
  for (const name of Object.keys(K)) {
    const priv = crypto.createPrivateKey(K[name].private);
    const pub = crypto.createPublicKey(K[name].public);
    // every input form Node writes, and every export of it
    const privInputs = [K[name].private];
    for (const type of ['pkcs1', 'sec1']) {
      try { privInputs.push(priv.export({ format: 'pem', type })); } catch (e) { /* not for this key type */ }
    }
    const pubInputs = [K[name].public];
    try { pubInputs.push(pub.export({ format: 'pem', type: 'pkcs1' })); } catch (e) { /* RSA only */ }
    for (const key of privInputs) for (const exp of everyExport(name, true)) out.push(makeCase('crypto.keyExport', { key, export: exp }));
    for (const key of pubInputs) for (const exp of everyExport(name, false)) out.push(makeCase('crypto.keyExport', { key, export: exp }));
    // a private key asked for a public type and the reverse, unknown names, missing members
    const wrong = [{ format: 'pem', type: 'spki' }, { format: 'der', type: 'foo' }, { format: 'pem' }, { type: 'pkcs8' },
      { format: 'PEM', type: 'pkcs8' }, {}, { format: 'der', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'x' },
      { format: 'der', type: 'sec1', cipher: 'aes-128-cbc', passphrase: 'x' }, { format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc' },
      { format: 'pem', type: 'pkcs8', passphrase: 'x' }, { format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'x' },
      { format: 'der', type: 'pkcs8', cipher: 'aes-128-ctr', passphrase: 'x' }, { format: 'pem', type: 'pkcs8', cipher: 'aes-128-gcm', passphrase: 'x' }];
    for (const exp of wrong) {
      const c = makeCase('crypto.keyExport', { key: K[name].private, export: exp });
      if (c.out.throws) out.push(c);
    }
    for (const exp of [{ format: 'pem', type: 'pkcs8' }, { format: 'der', type: 'sec1' }, { format: 'pem' }, { format: 'xyz', type: 'spki' },
      { format: 'der', type: 'spki', cipher: 'aes-128-cbc', passphrase: 'x' }]) {
      out.push(makeCase('crypto.keyExport', { key: K[name].public, export: exp }));
    }
  }
  // encrypted PEMs: with the passphrase, a wrong one, none
  for (const e of fx.encrypted) {
    const exps = r.pick([[{ format: 'jwk' }], [{ format: 'pem', type: 'pkcs8' }], [{ format: 'der', type: 'pkcs8' }]]);
    for (const exp of exps) out.push(makeCase('crypto.keyExport', { key: e.pem, passphrase: fx.passphrase, export: exp }));
    out.push(makeCase('crypto.keyExport', { key: e.pem, passphrase: fx.passphrase, export: { format: 'der', type: 'pkcs8' } }));
    out.push(makeCase('crypto.keyExport', { key: e.pem, export: { format: 'der', type: 'pkcs8' } }));
    // a wrong passphrase: OpenSSL says bad decrypt unless the padding happens to look right
    const c = makeCase('crypto.keyExport', { key: e.pem, passphrase: 'wrong ' + r.int(0, 99), export: { format: 'der', type: 'pkcs8' } });
    if (c.out.throws && c.out.throws.code === 'ERR_OSSL_BAD_DECRYPT') out.push(c);
  }
  // inputs no decoder takes
  for (const key of ['not a key', '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n',
    '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n', '']) {
    out.push(makeCase('crypto.keyExport', { key, export: { format: 'pem', type: 'spki' } }));
  }
  // long bad values: Node cuts the inspected value in ERR_INVALID_ARG_VALUE at 128 characters
  for (const exp of [{ format: 'der', type: 'pkcs'.repeat(40) }, { format: 'q'.repeat(200), type: 'spki' },
    { format: 'der', type: 'pkcs'.repeat(31) + 'pk' }, { format: 'der', type: 'pkcs'.repeat(31) + 'p' }]) {
    out.push(makeCase('crypto.keyExport', { key: K.rsa1024.private, export: exp }));
  }
  for (const [format, type] of [['x'.repeat(150), undefined], ['der', 'y'.repeat(129)]]) {
    out.push(makeCase('crypto.keyImport', { create: 'private', key: K.rsa1024.private, format, type }));
  }
  return out;
}

function rsaCryptCases(r, fx) {
  const out = [];
  const K = fx.keys;
  // Node's OAEP ciphertexts: decrypted as made, tampered, with the wrong hash or label
  for (const c of fx.ciphertexts) {
    const base = { op: 'privateDecrypt', key: K[c.key].private, data: { $hex: c.ciphertext } };
    if (Object.keys(c.options).length) base.options = c.options;
    out.push(makeCase('crypto.rsaCrypt', base));
    out.push(makeCase('crypto.rsaCrypt', { ...base, data: hex(tamper(r, c.ciphertext)) }));
    out.push(makeCase('crypto.rsaCrypt', { ...base, options: { ...c.options, oaepHash: r.pick(['sha1', 'sha224', 'sha384']) } }));
    out.push(makeCase('crypto.rsaCrypt', { ...base, options: { ...c.options, oaepLabel: { $hex: '00' } } }));
  }
  // deterministic: PKCS#1 type 1 and unpadded private encryption, and their public decryption
  for (const key of ['rsa512', 'rsa1024', 'rsa2048']) {
    const k = crypto.createPrivateKey(K[key].private);
    const size = k.asymmetricKeyDetails.modulusLength / 8;
    for (let n = 0; n < 10; n++) {
      const data = hex(Array.from({ length: r.int(0, size - 11) }, () => r.int(0, 255)));
      out.push(makeCase('crypto.rsaCrypt', { op: 'privateEncrypt', key: K[key].private, data }));
      const sig = crypto.privateEncrypt(K[key].private, Buffer.from(data.$hex, 'hex'));
      out.push(makeCase('crypto.rsaCrypt', { op: 'publicDecrypt', key: K[key].public, data: hex(sig) }));
      out.push(makeCase('crypto.rsaCrypt', { op: 'publicDecrypt', key: K[key].public, data: hex(tamper(r, sig.toString('hex'))) }));
      const raw = Array.from({ length: size }, () => r.int(0, 255));
      raw[0] = r.int(0, 0x7f);
      for (const op of ['privateEncrypt', 'publicEncrypt', 'privateDecrypt', 'publicDecrypt']) {
        out.push(makeCase('crypto.rsaCrypt', { op, key: op.startsWith('private') ? K[key].private : K[key].public, data: hex(raw), options: { padding: 3 } }));
      }
    }
    // errors: lengths, paddings, hashes
    const errs = [
      { op: 'publicEncrypt', data: hex(Buffer.alloc(size - 10)), options: { padding: 1 } },
      { op: 'publicEncrypt', data: hex(Buffer.alloc(size)) },
      { op: 'publicEncrypt', data: hex(Buffer.alloc(3)), options: { padding: 3 } },
      { op: 'publicEncrypt', data: hex(Buffer.alloc(size + 1)), options: { padding: 3 } },
      { op: 'publicEncrypt', data: hex(Buffer.alloc(size, 255)), options: { padding: 3 } },
      { op: 'publicEncrypt', data: 'abc', options: { oaepHash: 'nope' } },
      { op: 'publicEncrypt', data: 'abc', options: { padding: 6 } },
      { op: 'privateEncrypt', data: 'abc', options: { padding: 4 } },
      { op: 'privateEncrypt', data: hex(Buffer.alloc(size - 10)) },
      { op: 'privateDecrypt', data: hex(Buffer.alloc(size + 1)) },
      { op: 'privateDecrypt', data: hex(Buffer.alloc(size, 255)) },
      { op: 'privateDecrypt', data: hex(Buffer.alloc(10)) },
      { op: 'privateDecrypt', data: hex(Buffer.alloc(size, 1)), options: { padding: 1 } },
      { op: 'publicDecrypt', data: hex(Buffer.alloc(size, 1)) },
    ];
    for (const e of errs) {
      const c = makeCase('crypto.rsaCrypt', { ...e, key: e.op.startsWith('private') ? K[key].private : K[key].public });
      if (c.out.throws) out.push(c);
    }
  }
  for (const key of ['p256', 'ed25519', 'rsa-pss']) {
    out.push(makeCase('crypto.rsaCrypt', { op: 'publicEncrypt', key: K[key].public, data: 'abc' }));
  }
  return out;
}

/** crypto.keyImport: createPrivateKey/createPublicKey from DER (every type, right and wrong) and JWK (and broken JWKs). */
function keyImportCases(r, fx) {
  const out = [];
  const K = fx.keys;
  for (const name of Object.keys(K)) {
    const priv = crypto.createPrivateKey(K[name].private);
    const pub = crypto.createPublicKey(K[name].public);
    const ders = [];
    for (const type of ['pkcs1', 'pkcs8', 'sec1']) {
      try { ders.push([type, priv.export({ format: 'der', type }), true]); } catch (e) { /* not this family */ }
    }
    for (const type of ['pkcs1', 'spki']) {
      try { ders.push([type, pub.export({ format: 'der', type }), false]); } catch (e) { /* not this family */ }
    }
    for (const [type, der, isPrivate] of ders) {
      for (const create of ['private', 'public']) {
        for (const asType of ['pkcs1', 'pkcs8', 'sec1', 'spki']) {
          if (asType !== type && !r.chance(0.4)) continue;
          out.push(makeCase('crypto.keyImport', { create, key: hex(der), format: 'der', type: asType }));
        }
      }
      // a DER given as a base64 string with its encoding
      out.push(makeCase('crypto.keyImport', { create: isPrivate ? 'private' : 'public', key: der.toString('base64'),
        format: 'der', type, encoding: 'base64' }));
      out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(der), format: 'der' }));
    }
    let jwk;
    try { jwk = priv.export({ format: 'jwk' }); } catch (e) { continue; }
    const pubJwk = pub.export({ format: 'jwk' });
    out.push(makeCase('crypto.keyImport', { create: 'private', key: jwk, format: 'jwk' }));
    out.push(makeCase('crypto.keyImport', { create: 'public', key: jwk, format: 'jwk' }));
    out.push(makeCase('crypto.keyImport', { create: 'public', key: pubJwk, format: 'jwk' }));
    out.push(makeCase('crypto.keyImport', { create: 'private', key: pubJwk, format: 'jwk' }));
    // broken JWKs: a member missing, of another type, cut short, an unknown kty or crv
    for (const m of Object.keys(jwk)) {
      const without = { ...jwk };
      delete without[m];
      out.push(makeCase('crypto.keyImport', { create: 'private', key: without, format: 'jwk' }));
      out.push(makeCase('crypto.keyImport', { create: 'public', key: { ...pubJwk, [m]: 5 }, format: 'jwk' }));
    }
    for (const m of ['x', 'y', 'd']) {
      if (typeof jwk[m] !== 'string') continue;
      const cut = { ...jwk, [m]: jwk[m].slice(0, r.int(0, jwk[m].length - 2)) };
      const c = makeCase('crypto.keyImport', { create: 'private', key: cut, format: 'jwk' });
      if (c.out.throws) out.push(c);
    }
    if (jwk.kty === 'EC') {
      out.push(makeCase('crypto.keyImport', { create: 'public', key: { ...pubJwk, crv: 'P-999' }, format: 'jwk' }));
    }
    if (jwk.kty === 'OKP') {
      out.push(makeCase('crypto.keyImport', { create: 'public', key: { ...pubJwk, crv: 'Ed999' }, format: 'jwk' }));
    }
    out.push(makeCase('crypto.keyImport', { create: 'public', key: { ...pubJwk, kty: 'oct' }, format: 'jwk' }));
  }
  // PEM text as OpenSSL reads it: CRLF lines, text around the block, two blocks, broken bodies
  for (const name of ['rsa1024', 'p256', 'ed25519']) {
    const pem = K[name].private;
    const lines = pem.trim().split('\n');
    const variants = [
      pem.replace(/\n/g, '\r\n'),
      'some text before\n' + pem + 'and after\n',
      K[name].public + pem,
      pem + K[name].public,
      lines.slice(0, 3).concat(lines.slice(-1)).join('\n') + '\n',
      lines[0] + '\n' + lines.slice(1, -1).join('') + '\n' + lines[lines.length - 1] + '\n',
      pem.replace('-----END PRIVATE KEY-----', '-----END PUBLIC KEY-----'),
      pem.replace(lines[1], lines[1].slice(0, 40) + '!!' + lines[1].slice(42)),
    ];
    for (const key of variants) {
      for (const create of ['private', 'public']) out.push(makeCase('crypto.keyImport', { create, key }));
    }
  }
  // encrypted PKCS#8 as DER: with the passphrase, without, with a wrong one
  for (const e of fx.encrypted.filter((x) => x.pem.startsWith('-----BEGIN ENCRYPTED')).slice(0, 12)) {
    const der = Buffer.from(e.pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''), 'base64');
    out.push(makeCase('crypto.keyImport', { create: 'private', key: hex(der), format: 'der', type: 'pkcs8', passphrase: fx.passphrase }));
    out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(der), format: 'der', type: 'pkcs8', passphrase: fx.passphrase }));
    out.push(makeCase('crypto.keyImport', { create: 'private', key: hex(der), format: 'der', type: 'pkcs8' }));
    const c = makeCase('crypto.keyImport', { create: 'private', key: hex(der), format: 'der', type: 'pkcs8', passphrase: 'nope' });
    if (c.out.throws && c.out.throws.code === 'ERR_OSSL_BAD_DECRYPT') out.push(c);
  }
  out.push(makeCase('crypto.keyImport', { create: 'private', key: 'abc', format: 'jwk' }));
  out.push(makeCase('crypto.keyImport', { create: 'private', key: K.rsa1024.private, format: 'xml' }));
  out.push(makeCase('crypto.keyImport', { create: 'private', key: hex([0x30, 0x00]), format: 'der', type: 'spki' }));
  return out;
}

// ================================================================================================
// EC keys on every curve of getCurves() (keys-curves.jsonl, fixture crypto-keys-curves.json)
// ================================================================================================

const CURVES_FIXTURE = path.join(__dirname, 'crypto-keys-curves.json');
const SIGNED = Buffer.from('nodeshim signs on every curve');

// (once) a pair per curve in each parameter encoding (pkcs8 and spki PEM; the Oakley curves have no
// named encoding) and Node's ECDSA signatures with them (random, so kept here)
function makeCurvesFixture() {
  const curves = {};
  for (const name of crypto.getCurves()) {
    const pair = (paramEncoding) => {
      const kp = crypto.generateKeyPairSync('ec', { namedCurve: name, paramEncoding });
      try {
        return { private: kp.privateKey.export({ format: 'pem', type: 'pkcs8' }),
          public: kp.publicKey.export({ format: 'pem', type: 'spki' }) };
      } catch (e) {
        return null;
      }
    };
    const entry = { named: pair('named'), explicit: pair('explicit'), signatures: [] };
    const signer = entry.named || entry.explicit;
    for (const [algorithm, dsaEncoding] of [['sha256', 'der'], ['sha256', 'ieee-p1363'], ['sha1', 'der'], ['sha512', 'ieee-p1363']]) {
      try {
        const sig = crypto.sign(algorithm, SIGNED, { key: signer.private, dsaEncoding });
        entry.signatures.push({ algorithm, dsaEncoding, signature: sig.toString('hex') });
      } catch (e) { /* the Oakley curves cannot sign */ }
    }
    curves[name] = entry;
  }
  fs.writeFileSync(CURVES_FIXTURE, JSON.stringify({ curves }, null, 1) + '\n');
}

const derOf = (pem) => Buffer.from(pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''), 'base64');

function curveCases(r, fx) {
  const out = [];
  const names = Object.keys(fx.curves);
  for (const name of names) {
    const e = fx.curves[name];
    // generation: the curve's details and the parameters each encoding writes
    for (const paramEncoding of [undefined, 'named', 'explicit']) {
      const options = paramEncoding ? { namedCurve: name, paramEncoding } : { namedCurve: name };
      out.push(makeCase('crypto.ecKeyPair', { options }));
    }
    // keys read back on SM2 are OpenSSL's SM2 type, which Node 20 neither names (asymmetricKeyType
    // undefined) nor exports (sec1 aborts the process): only generation is compared
    if (name === 'SM2') continue;
    for (const enc of ['named', 'explicit']) {
      const kp = e[enc];
      if (!kp) continue;
      const priv = crypto.createPrivateKey(kp.private);
      const pub = crypto.createPublicKey(kp.public);
      // import: every DER Node writes for the key, read as its own type; the PEMs; public from private
      const ders = [['pkcs8', derOf(kp.private), 'private'], ['spki', derOf(kp.public), 'public']];
      try { ders.push(['sec1', priv.export({ format: 'der', type: 'sec1' }), 'private']); } catch (x) { /* no OID */ }
      for (const [type, der, create] of ders) {
        out.push(makeCase('crypto.keyImport', { create, key: hex(der), format: 'der', type }));
        if (create === 'private') out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(der), format: 'der', type }));
      }
      out.push(makeCase('crypto.keyImport', { create: 'private', key: kp.private }));
      out.push(makeCase('crypto.keyImport', { create: 'public', key: kp.public }));
      // export: every format and type
      for (const exp of [{ format: 'jwk' }, { format: 'pem', type: 'pkcs8' }, { format: 'der', type: 'pkcs8' },
        { format: 'pem', type: 'sec1' }, { format: 'der', type: 'sec1' }, { format: 'pem', type: 'pkcs1' }]) {
        out.push(makeCase('crypto.keyExport', { key: kp.private, export: exp }));
      }
      for (const exp of [{ format: 'jwk' }, { format: 'pem', type: 'spki' }, { format: 'der', type: 'spki' }]) {
        out.push(makeCase('crypto.keyExport', { key: kp.public, export: exp }));
      }
      // a broken point: one byte of the public key changed
      const spki = derOf(kp.public);
      const bad = Buffer.from(spki);
      bad[bad.length - 1 - r.int(0, 3)] ^= 1 << r.int(0, 7);
      out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(bad), format: 'der', type: 'spki' }));
      // signing: only Node's errors are deterministic (the Oakley curves)
      const s = makeCase('crypto.sign', { algorithm: 'sha256', key: kp.private, data: 'abc' });
      if (s.out.throws) out.push(s);
      if (!e.signatures.length) {
        // no signatures on the Oakley curves (even order): Node verifies none
        out.push(makeCase('crypto.verify', { algorithm: 'sha256', key: kp.public, data: 'abc', signature: { $hex: '3006020101020101' } }));
        out.push(makeCase('crypto.verify', { algorithm: 'sha256', key: kp.public, data: 'abc',
          signature: hex(Buffer.alloc(2 * 21, 1)), options: { dsaEncoding: 'ieee-p1363' } }));
      }
      // Node's signatures, verified with either encoding's key, tampered, over other data
      for (const sg of e.signatures) {
        const options = { dsaEncoding: sg.dsaEncoding };
        const key = r.chance(0.5) ? kp.public : kp.private;
        const mine = enc === (e.named ? 'named' : 'explicit');
        if (mine) {
          out.push(makeCase('crypto.verify', { algorithm: sg.algorithm, key, data: hex(SIGNED), signature: { $hex: sg.signature }, options }));
          out.push(makeCase('crypto.verify', { algorithm: sg.algorithm, key, data: 'other', signature: { $hex: sg.signature }, options }));
          const t = Buffer.from(sg.signature, 'hex');
          t[r.int(0, t.length - 1)] ^= 1 << r.int(0, 7);
          out.push(makeCase('crypto.verify', { algorithm: sg.algorithm, key, data: hex(SIGNED), signature: hex(t), options }));
        } else {
          // the other pair: another key on the same curve
          out.push(makeCase('crypto.verify', { algorithm: sg.algorithm, key, data: hex(SIGNED), signature: { $hex: sg.signature }, options }));
        }
      }
    }
    // agreement between the two pairs (same curve, either encoding), and with another curve's key
    if (e.named && e.explicit) {
      out.push(makeCase('crypto.diffieHellman', { privateKey: { create: 'private', key: e.named.private },
        publicKey: { create: 'public', key: e.explicit.public } }));
      out.push(makeCase('crypto.diffieHellman', { privateKey: { create: 'private', key: e.explicit.private },
        publicKey: { create: 'public', key: e.named.public } }));
    }
    const other = fx.curves[r.pick(names.filter((x) => x !== 'SM2'))];
    out.push(makeCase('crypto.diffieHellman', { privateKey: { create: 'private', key: e.explicit.private },
      publicKey: { create: 'public', key: (other.named || other.explicit).public } }));
  }
  // public points in other forms (compressed, hybrid), written into an SPKI here; exports keep the form
  const tlv = (tag, body) => {
    const n = body.length;
    const len = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 255];
    return Buffer.concat([Buffer.from([tag, ...len]), body]);
  };
  // the TLVs inside a SEQUENCE's body
  const children = (der) => {
    const out2 = [];
    let p = der[1] & 0x80 ? 2 + (der[1] & 0x7f) : 2;
    while (p < der.length) {
      const start = p;
      let len = der[p + 1];
      p += 2;
      if (len & 0x80) {
        const k = len & 0x7f;
        len = 0;
        for (let j = 0; j < k; j++) len = len * 256 + der[p++];
      }
      out2.push({ whole: der.subarray(start, p + len), body: der.subarray(p, p + len) });
      p += len;
    }
    return out2;
  };
  const pemOf = (der) => '-----BEGIN PUBLIC KEY-----\n' + der.toString('base64').match(/.{1,64}/g).join('\n') + '\n-----END PUBLIC KEY-----\n';
  for (const name of ['prime192v1', 'secp112r1', 'brainpoolP256r1', 'sect163k1', 'c2pnb163v1', 'prime239v1', 'wap-wsg-idm-ecid-wtls8']) {
    const [algId, bits] = children(derOf(fx.curves[name].named.public));
    const pt = bits.body.subarray(1);
    for (const form of ['compressed', 'hybrid']) {
      const p2 = crypto.ECDH.convertKey(pt, name, undefined, undefined, form);
      const der = tlv(0x30, Buffer.concat([algId.whole, tlv(0x03, Buffer.concat([Buffer.from([0]), p2]))]));
      out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(der), format: 'der', type: 'spki' }));
      out.push(makeCase('crypto.keyExport', { key: pemOf(der), export: { format: 'der', type: 'spki' } }));
    }
  }
  // explicit parameters OpenSSL matches to no curve (P-256 with 2G as base point: UNDEF), a changed
  // seed (still P-256), a changed b (no curve), an OID no curve has
  {
    const ex = derOf(fx.curves.prime256v1.explicit.public).toString('hex');
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.alloc(32, 0).fill(2, 31));
    const gAt = ex.indexOf('046b17d1f2');
    const twoG = ecdh.getPublicKey('hex');
    const variants = [ex.slice(0, gAt) + twoG + ex.slice(gAt + 130), ex.replace('c49d3608', 'c59d3608'),
      ex.replace('5ac635d8', '5bc635d8')];
    for (const v of variants) {
      out.push(makeCase('crypto.keyImport', { create: 'public', key: { $hex: v }, format: 'der', type: 'spki' }));
      for (const exp of [{ format: 'jwk' }, { format: 'der', type: 'spki' }]) {
        out.push(makeCase('crypto.keyExport', { key: pemOf(Buffer.from(v, 'hex')), export: exp }));
      }
    }
    // two keys on the same UNDEF curve agree (a private key of the explicit pair moved to that curve)
    const exPriv = derOf(fx.curves.prime256v1.explicit.private).toString('hex');
    const privAt = exPriv.indexOf('046b17d1f2');
    const undefPriv = exPriv.slice(0, privAt) + twoG + exPriv.slice(privAt + 130);
    const privPem = '-----BEGIN PRIVATE KEY-----\n' + Buffer.from(undefPriv, 'hex').toString('base64').match(/.{1,64}/g).join('\n') + '\n-----END PRIVATE KEY-----\n';
    out.push(makeCase('crypto.diffieHellman', { privateKey: { create: 'private', key: privPem },
      publicKey: { create: 'public', key: pemOf(Buffer.from(variants[0], 'hex')) } }));
    out.push(makeCase('crypto.diffieHellman', { privateKey: { create: 'private', key: privPem },
      publicKey: { create: 'public', key: fx.curves.prime256v1.explicit.public } }));
    out.push(makeCase('crypto.keyImport', { create: 'private', key: privPem }));
    const named = derOf(fx.curves.prime256v1.named.public).toString('hex');
    for (const oid of ['2a8648ce3d030108', '2a8648ce3d030100', '2b8104000b']) {
      const v = named.replace('082a8648ce3d030107', (oid.length / 2).toString(16).padStart(2, '0') + oid);
      // the outer and AlgorithmIdentifier lengths follow the OID's (all short-form here)
      const b = Buffer.from(v, 'hex');
      const grow = b.length - 2 - b[1];
      b[1] += grow;
      b[3] += grow;
      out.push(makeCase('crypto.keyImport', { create: 'public', key: hex(b), format: 'der', type: 'spki' }));
    }
  }

  // names Node refuses or maps (NIST's), and paramEncoding errors
  for (const namedCurve of ['P-192', 'P-224', 'P-256', 'P-384', 'P-521', 'B-163', 'K-163', 'B-233', 'K-233', 'B-283',
    'K-283', 'B-409', 'K-409', 'B-571', 'K-571', 'p-256', 'PRIME256V1', 'secp256r1', 'secp192r1', 'sm2',
    'brainpoolp256r1', 'nistp256', '', 'Ed25519', 'x25519', 'prime256v1 ', 'K-256', 'B-192']) {
    out.push(makeCase('crypto.ecKeyPair', { options: { namedCurve } }));
  }
  for (const paramEncoding of ['NAMED', 'Explicit', 'foo', '']) {
    out.push(makeCase('crypto.ecKeyPair', { options: { namedCurve: 'prime256v1', paramEncoding } }));
  }
  out.push(makeCase('crypto.ecKeyPair', { options: { namedCurve: 'nope', paramEncoding: 'foo' } }));
  return out;
}

function main() {
  if (process.argv.includes('--make-curves-fixture')) {
    makeCurvesFixture();
    return;
  }
  if (process.argv.includes('--make-fixture')) {
    makeFixture();
    return;
  }
  if (process.argv.includes('--add-ciphertexts')) {
    // (once) adds RSA-OAEP ciphertexts to a fixture made before makeFixture() wrote them
    const old = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
    old.ciphertexts = makeCiphertexts(old.keys);
    fs.writeFileSync(FIXTURE, JSON.stringify(old, null, 1) + '\n');
    return;
  }
  const fx = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const groups = [['sign', signCases, 501], ['verify', verifyCases, 502], ['export', exportCases, 503],
    ['rsaCrypt', rsaCryptCases, 504], ['import', keyImportCases, 505]];
  for (const [short, make, seed] of groups) {
    const cases = make(rng(seed), fx).map((x, k) => ({ id: `crypto/keys-${short}/${pad(k, 5)}`, ...x }));
    writeCases('crypto', `keys-${short}.jsonl`, cases);
  }
  const curves = JSON.parse(fs.readFileSync(CURVES_FIXTURE, 'utf8'));
  writeCases('crypto', 'keys-curves.jsonl', curveCases(rng(506), curves).map((x, k) => ({ id: `crypto/keys-curves/${pad(k, 5)}`, ...x })));
}

module.exports = { main };
if (require.main === module) main();
