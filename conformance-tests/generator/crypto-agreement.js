#!/usr/bin/env node
'use strict';
// The key-agreement probes: crypto.ecdh (shared/CONFORMANCE.md's table) and crypto.dh (this
// module's own, described below), generated from real Node. Run by generator/crypto.js or alone:
// `node conformance-tests/generator/crypto-agreement.js`; writes cases/crypto/agreement-{ecdh,dh}.jsonl.
//
// Every key is drawn from a seeded PRNG, so re-running gives the same files byte for byte. The
// primes of the DH cases that must be prime (safe or not) were made once with
// crypto.generatePrimeSync into generator/crypto-agreement.json (Node's prime generation is random).
//
// crypto.dh: in {group} or {prime, generator?}, then privateKey?, publicKey?:
//   d = group ? getDiffieHellman(group) : createDiffieHellman(prime, generator)
//   out = {verifyError}; group: + {prime, generator};
//   privateKey: d.setPrivateKey(privateKey), out.publicKey = d.generateKeys();
//   publicKey: out.secret = d.computeSecret(publicKey)
//
// Key objects (issue 5): agreement-dhKey.jsonl holds crypto.keyImport / crypto.keyExport cases
// (crypto-keys.js's probes) for dh keys — Node's own keys, every DER read as every type, every export,
// and DER put together here (privateValueLength, x = 0, y not minimal, broken parameters, moduli
// OpenSSL will not take) — and crypto.dhKeyPair cases; agreement-diffieHellman.jsonl holds
// crypto.diffieHellman cases over dh, ec, x25519 and x448 keys and Node's errors. Keys Node makes
// are random, so they were made once, by `node crypto-agreement.js --add-keys`, into the fixture's
// `keys` (pkcs8 PEMs; public halves are derived).
//
// crypto.diffieHellman: in {privateKey?, publicKey?} (absent: undefined), or {options: undefined} to
// call diffieHellman() (Java's typed options cannot be a string or a number). A member is a key {create: 'private'|'public'|'secret', key: PEM or {$hex},
// format?, type?} (createPrivateKey/createPublicKey/createSecretKey of {key, format, type}) or
// {value: V} (V itself). ok: the secret.
//
// crypto.dhKeyPair: in {options} (generateKeyPairSync('dh', options), prime as {$hex}; only values
// Java's typed options can hold: a string group, integral primeLength/generator) → ok
// {publicKey, privateKey: 'KeyObject' | 'pem' | 'der' (the form each half came in),
// asymmetricKeyType, primeBits, generator, prime (bytes; null when made from primeLength)}; p and g
// are read from the public key's SPKI.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { rng, encode, decode, throwsOut, writeCases, pad } = require('./common');

const FIXTURE = JSON.parse(fs.readFileSync(path.join(__dirname, 'crypto-agreement.json'), 'utf8'));

const hex = (b) => ({ $hex: Buffer.from(b).toString('hex') });
const bytes = (r, n) => Buffer.from(Array.from({ length: n }, () => r.int(0, 255)));
const big = (n) => {
  let s = n.toString(16);
  if (s.length % 2) s = '0' + s;
  return Buffer.from(s, 'hex');
};

function outcome(f) {
  try {
    return { ok: encode(f()) };
  } catch (e) {
    return throwsOut(e);
  }
}

// ================================================================================================
// crypto.ecdh
// ================================================================================================

function ecdh(i) {
  const e = crypto.createECDH(i.curve);
  e.setPrivateKey(Buffer.from(i.privateKey.$hex, 'hex'));
  return e.computeSecret(Buffer.from(i.publicKey.$hex, 'hex'));
}

/** A valid private key for the curve: random field-sized bytes, shortened until Node takes them. */
function privateKey(r, curve, fieldBytes) {
  let k = bytes(r, fieldBytes);
  for (;;) {
    if (k.every((b) => b === 0)) k[k.length - 1] = 1;
    try {
      crypto.createECDH(curve).setPrivateKey(k);
      return k;
    } catch (e) {
      k = k.subarray(1);
    }
  }
}

function ecdhCases(r) {
  const out = [];
  const add = (input) => out.push({ probe: 'crypto.ecdh', in: input, out: outcome(() => ecdh(input)) });
  const curves = crypto.getCurves();
  const publicOf = (curve, k, format) => {
    const e = crypto.createECDH(curve);
    e.setPrivateKey(k);
    return e.getPublicKey(null, format);
  };
  for (const curve of curves) {
    const probe = crypto.createECDH(curve);
    probe.setPrivateKey(Buffer.from([1]));
    const fieldBytes = (probe.getPublicKey().length - 1) / 2;
    for (const format of ['uncompressed', 'compressed', 'hybrid']) {
      const d = privateKey(r, curve, fieldBytes);
      const peer = publicOf(curve, privateKey(r, curve, fieldBytes), format);
      add({ curve, privateKey: hex(d), publicKey: hex(peer) });
    }
    const d = privateKey(r, curve, fieldBytes);
    const peer = publicOf(curve, privateKey(r, curve, fieldBytes), 'uncompressed');
    // a tampered y (almost surely off the curve), a cut point, a bad prefix, infinity, another curve's point
    const tampered = Buffer.from(peer);
    tampered[tampered.length - 1] ^= 1 << r.int(0, 7);
    add({ curve, privateKey: hex(d), publicKey: hex(tampered) });
    add({ curve, privateKey: hex(d), publicKey: hex(peer.subarray(0, peer.length - 1)) });
    const prefixed = Buffer.from(peer);
    prefixed[0] = r.pick([0x01, 0x05, 0x08]);
    add({ curve, privateKey: hex(d), publicKey: hex(prefixed) });
    if (r.chance(0.3)) add({ curve, privateKey: hex(d), publicKey: hex([0]) });
    const other = r.pick(curves);
    add({ curve, privateKey: hex(d), publicKey: hex(publicOf(other, Buffer.from([2]), 'uncompressed')) });
    // private keys Node refuses: zero, one byte longer than the field (all ones), nothing
    add({ curve, privateKey: hex(r.pick([Buffer.alloc(fieldBytes), Buffer.alloc(fieldBytes + 1, 0xff), Buffer.alloc(0)])),
      publicKey: hex(peer) });
  }
  for (const curve of ['P-256', 'PRIME256V1', 'secp256r1', 'nope', '', 'ed25519', 'x25519']) {
    add({ curve, privateKey: hex([1]), publicKey: hex([4]) });
  }
  return out;
}

// ================================================================================================
// crypto.dh
// ================================================================================================

function dh(i) {
  const gen = i.generator === undefined ? undefined
    : typeof i.generator === 'number' ? i.generator : Buffer.from(i.generator.$hex, 'hex');
  const d = i.group !== undefined ? crypto.getDiffieHellman(i.group)
    : gen === undefined ? crypto.createDiffieHellman(Buffer.from(i.prime.$hex, 'hex'))
      : crypto.createDiffieHellman(Buffer.from(i.prime.$hex, 'hex'), gen);
  const o = { verifyError: d.verifyError };
  if (i.group !== undefined) {
    o.prime = d.getPrime();
    o.generator = d.getGenerator();
  }
  if (i.privateKey !== undefined) {
    d.setPrivateKey(Buffer.from(i.privateKey.$hex, 'hex'));
    o.publicKey = d.generateKeys();
  }
  if (i.publicKey !== undefined) o.secret = d.computeSecret(Buffer.from(i.publicKey.$hex, 'hex'));
  return o;
}

function dhCases(r) {
  const out = [];
  const add = (input) => out.push({ probe: 'crypto.dh', in: input, out: outcome(() => dh(input)) });
  for (const group of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18', 'MODP2',
    'Modp14', 'modp3', 'modp4', 'modp0', 'modp19', '', 'ffdhe2048']) {
    add({ group });
  }
  // verifyError over small moduli (every one is below 512 bits) and generators at the edges
  for (let p = 0; p < 100; p++) {
    for (const g of [2, 5, p - 1]) add({ prime: hex(big(BigInt(p))), generator: g });
  }
  const primes = [
    ...FIXTURE.safe, ...FIXTURE.plain,
    crypto.getDiffieHellman('modp1').getPrime('hex'), crypto.getDiffieHellman('modp2').getPrime('hex'),
  ].map((h) => BigInt('0x' + h));
  // moduli around the 512-bit bound and composite ones
  const odd = [(1n << 511n) + 1n, (1n << 511n) - 1n, (1n << 512n) - 1n, primes[0] * 3n, primes[0] + 2n];
  for (const p of odd) add({ prime: hex(big(p)), generator: 2 });
  for (const p of primes) {
    const size = big(p).length;
    const gens = [2, 3, 5, hex(big(p - 1n)), hex(big(p - 2n)), hex([0, 2])];
    for (const g of gens) add({ prime: hex(big(p)), generator: g });
    // key pairs and secrets: random keys, and the peers and private keys Node refuses
    for (let k = 0; k < 12; k++) {
      const priv = bytes(r, r.int(1, size + 2));
      let peer;
      switch (k) {
        case 0: peer = Buffer.alloc(0); break;
        case 1: peer = Buffer.from([1]); break;
        case 2: peer = big(p - 1n); break;
        case 3: peer = big(p); break;
        case 4: peer = big(p + 1n); break;
        case 5: peer = big(2n * p); break;
        case 6: peer = Buffer.alloc(size, 0xff); break;
        case 7: peer = bytes(r, size + 4); break;
        default: peer = bytes(r, r.int(1, size)); break;
      }
      add({ prime: hex(big(p)), generator: r.pick([2, 5]), privateKey: hex(priv), publicKey: hex(peer) });
    }
    // secrets Node refuses for the result: x = p-1 (y^x = 1), x = 0, x = (p-1)/2 (±1)
    for (const x of [p - 1n, 0n, (p - 1n) / 2n]) {
      add({ prime: hex(big(p)), generator: 2, privateKey: hex(big(x)), publicKey: hex(bytes(r, size - 1)) });
    }
  }
  // small moduli: generateKeys refuses them, computeSecret gives zeros
  for (const p of [23n, 0xffffn, (1n << 400n) - 593n]) {
    add({ prime: hex(big(p)), generator: 5, privateKey: hex([3]) });
    add({ prime: hex(big(p)), generator: 5, publicKey: hex([2]) });
  }
  // generators Node refuses at creation
  for (const g of [1, -1, hex([]), hex([1]), hex([0]), hex([0, 1])]) add({ prime: hex(big(primes[0])), generator: g });
  add({ prime: hex([]), generator: 2 });
  return out;
}

// ================================================================================================
// Key objects: the fixture keys (made once) and DER put together here
// ================================================================================================

const FIXTURE_FILE = path.join(__dirname, 'crypto-agreement.json');

function addKeys() {
  const fx = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8'));
  const pem = (kp) => kp.privateKey.export({ format: 'pem', type: 'pkcs8' });
  const gen = (type, o) => pem(crypto.generateKeyPairSync(type, o));
  const keys = {};
  for (const g of ['modp14', 'modp2', 'modp5']) {
    keys[`${g}a`] = gen('dh', { group: g });
    keys[`${g}b`] = gen('dh', { group: g });
  }
  const p512 = crypto.generateKeyPairSync('dh', { primeLength: 512 });
  keys.p512a = pem(p512);
  const p512prime = spkiNumbers(p512.publicKey.export({ format: 'der', type: 'spki' })).p;
  keys.p512b = gen('dh', { prime: big(p512prime) });
  const modp1 = crypto.getDiffieHellman('modp1').getPrime();
  keys.g5a = gen('dh', { prime: modp1, generator: 5 });
  keys.g5b = gen('dh', { prime: modp1, generator: 5 });
  for (const curve of ['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1', 'secp224r1']) {
    keys[`${curve}a`] = gen('ec', { namedCurve: curve });
    keys[`${curve}b`] = gen('ec', { namedCurve: curve });
  }
  for (const t of ['x25519', 'x448']) {
    keys[`${t}a`] = gen(t);
    keys[`${t}b`] = gen(t);
  }
  keys.ed25519 = gen('ed25519');
  keys.ed448 = gen('ed448');
  keys.rsa = gen('rsa', { modulusLength: 512 });
  keys.dsa = gen('dsa', { modulusLength: 1024, divisorLength: 160 });
  // RFC 7919's ffdhe2048 (fixture member `ffdhe2048`, as `openssl genpkey -genparam -algorithm DH
  // -pkeyopt group:ffdhe2048` writes it): OpenSSL knows it by name, Node's getDiffieHellman does not
  keys.ffdhe2048a = gen('dh', { prime: Buffer.from(fx.ffdhe2048, 'hex') });
  keys.ffdhe2048b = gen('dh', { prime: Buffer.from(fx.ffdhe2048, 'hex') });
  // keys made before stay as they were (cases keep their bytes)
  fx.keys = { ...keys, ...(fx.keys || {}) };
  fs.writeFileSync(FIXTURE_FILE, JSON.stringify(fx, null, 1) + '\n');
}

// A small DER reader and writer, enough for dh keys.
function readTlv(b, off) {
  const tag = b[off];
  let len = b[off + 1];
  let at = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[at++];
  }
  return { tag, start: at, end: at + len };
}
function children(b, tlv) {
  const out = [];
  for (let off = tlv.start; off < tlv.end;) {
    const t = readTlv(b, off);
    out.push(t);
    off = t.end;
  }
  return out;
}
const bigOf = (b, t) => BigInt('0x' + (b.subarray(t.start, t.end).toString('hex') || '00'));
/** p, g and y of a dh SubjectPublicKeyInfo. */
function spkiNumbers(der) {
  const [alg, bits] = children(der, readTlv(der, 0));
  const [, params] = children(der, alg);
  const [p, g] = children(der, params);
  const y = readTlv(der, bits.start + 1);
  return { p: bigOf(der, p), g: bigOf(der, g), y: bigOf(der, y) };
}
const derLen = (n) => (n < 128 ? Buffer.from([n]) : n < 256 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 255]));
const tlv = (tag, body) => Buffer.concat([Buffer.from([tag]), derLen(body.length), body]);
const derInt = (v) => {
  if (v < 0n) {
    let n = 1;
    while (-(1n << BigInt(8 * n - 1)) > v) n++;
    return tlv(2, Buffer.from(((1n << BigInt(8 * n)) + v).toString(16).padStart(2 * n, '0'), 'hex'));
  }
  let b = big(v);
  if (b.length === 0) b = Buffer.from([0]);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(2, b);
};
const derSeq = (...a) => tlv(0x30, Buffer.concat(a));
const DH_OID = Buffer.from('06092a864886f70d010301', 'hex');
const dhAlg = (p, g, extra = []) => derSeq(DH_OID, derSeq(derInt(p), derInt(g), ...extra));
const dhSpki = (alg, yDer) => derSeq(alg, tlv(3, Buffer.concat([Buffer.from([0]), yDer])));
const dhPkcs8 = (alg, xDer) => derSeq(derInt(0n), alg, tlv(4, xDer));

// ================================================================================================
// crypto.keyImport / crypto.keyExport / crypto.dhKeyPair for dh keys
// ================================================================================================

function keyOf(spec) {
  if ('value' in spec) return decode(spec.value);
  if (spec.create === 'secret') return crypto.createSecretKey(Buffer.from(spec.key.$hex, 'hex'));
  const input = { key: typeof spec.key === 'string' ? spec.key : decode(spec.key) };
  for (const f of ['format', 'type']) if (f in spec) input[f] = spec[f];
  return spec.create === 'private' ? crypto.createPrivateKey(input) : crypto.createPublicKey(input);
}

function performKey(probe, i) {
  switch (probe) {
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
      const key = /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(i.key) ? crypto.createPrivateKey(i.key) : crypto.createPublicKey(i.key);
      return key.export(decode(i.export));
    }
    case 'crypto.sign':
      return crypto.sign(i.algorithm, i.data, { key: i.key });
    case 'crypto.verify':
      return crypto.verify(i.algorithm, i.data, { key: i.key }, Buffer.from(i.signature.$hex, 'hex'));
    case 'crypto.rsaCrypt':
      return crypto[i.op]({ key: i.key }, i.data);
    case 'crypto.dhKeyPair': {
      const o = decode(i.options);
      const kp = crypto.generateKeyPairSync('dh', o);
      const form = (k) => (typeof k === 'string' ? 'pem' : Buffer.isBuffer(k) ? 'der' : 'KeyObject');
      const pub = kp.publicKey;
      const spki = typeof pub === 'string' ? crypto.createPublicKey(pub).export({ format: 'der', type: 'spki' })
        : Buffer.isBuffer(pub) ? pub : pub.export({ format: 'der', type: 'spki' });
      const n = spkiNumbers(spki);
      return { publicKey: form(pub), privateKey: form(kp.privateKey),
        asymmetricKeyType: crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType,
        primeBits: n.p.toString(2).length, generator: Number(n.g), prime: 'primeLength' in o ? null : big(n.p) };
    }
    case 'crypto.diffieHellman': {
      if ('options' in i) return crypto.diffieHellman(decode(i.options));
      const o = {};
      if ('privateKey' in i) o.privateKey = keyOf(i.privateKey);
      if ('publicKey' in i) o.publicKey = keyOf(i.publicKey);
      return crypto.diffieHellman(o);
    }
    default:
      throw new Error('unknown probe ' + probe);
  }
}

function keyCase(probe, input) {
  const roundTrip = JSON.parse(JSON.stringify(input));
  return { probe, in: roundTrip, out: outcome(() => performKey(probe, roundTrip)) };
}

function dhKeyCases(r) {
  const out = [];
  const K = FIXTURE.keys;
  const dhNames = Object.keys(K).filter((n) => /^(modp|p512|g5|ffdhe)/.test(n));
  for (const name of dhNames) {
    const priv = crypto.createPrivateKey(K[name]);
    const pub = crypto.createPublicKey(priv);
    const pubPem = pub.export({ format: 'pem', type: 'spki' });
    const ders = [['pkcs8', priv.export({ format: 'der', type: 'pkcs8' })], ['spki', pub.export({ format: 'der', type: 'spki' })]];
    for (const [type, der] of ders) {
      for (const create of ['private', 'public']) {
        for (const asType of ['pkcs1', 'pkcs8', 'sec1', 'spki']) {
          out.push(keyCase('crypto.keyImport', { create, key: hex(der), format: 'der', type: asType }));
        }
      }
    }
    for (const create of ['private', 'public']) {
      out.push(keyCase('crypto.keyImport', { create, key: K[name] }));
      out.push(keyCase('crypto.keyImport', { create, key: pubPem }));
    }
    const exports = [{ format: 'jwk' }, {}, { format: 'pem' }];
    for (const format of ['pem', 'der']) for (const type of ['pkcs1', 'pkcs8', 'sec1', 'spki']) exports.push({ format, type });
    exports.push({ format: 'der', type: 'sec1', cipher: 'aes-128-cbc', passphrase: 'x' });
    exports.push({ format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'x' });
    for (const exp of exports) {
      out.push(keyCase('crypto.keyExport', { key: K[name], export: exp }));
      out.push(keyCase('crypto.keyExport', { key: pubPem, export: exp }));
    }
  }
  // a dh key cannot sign, verify or encrypt
  for (const name of ['modp2a', 'p512a']) {
    const pubPem = crypto.createPublicKey(K[name]).export({ format: 'pem', type: 'spki' });
    for (const algorithm of ['sha256', null]) {
      out.push(keyCase('crypto.sign', { algorithm, key: K[name], data: 'abc' }));
      out.push(keyCase('crypto.verify', { algorithm, key: pubPem, data: 'abc', signature: { $hex: '00' } }));
    }
    for (const op of ['publicEncrypt', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt']) {
      out.push(keyCase('crypto.rsaCrypt', { op, key: op.startsWith('private') ? K[name] : pubPem, data: 'abc' }));
    }
  }
  // DER put together: values at the edges, optional and broken members, moduli OpenSSL refuses
  const P = spkiNumbers(crypto.createPublicKey(K.modp14a).export({ format: 'der', type: 'spki' })).p;
  const P1 = BigInt('0x' + crypto.getDiffieHellman('modp1').getPrime('hex'));
  const imp = (create, der, type) => out.push(keyCase('crypto.keyImport', { create, key: hex(der), format: 'der', type }));
  for (const [p, g] of [[P, 2n], [P1, 5n], [P1, 0n], [P1, 1n], [P1, P1]]) {
    for (const y of [0n, 1n, 2n, p - 1n, p, p + 5n, BigInt('0x' + bytes(r, 40).toString('hex'))]) {
      imp('public', dhSpki(dhAlg(p, g), derInt(y)), 'spki');
    }
    for (const x of [0n, 1n, 3n, p - 1n, p, p + 3n, BigInt('0x' + bytes(r, 30).toString('hex'))]) {
      imp('private', dhPkcs8(dhAlg(p, g), derInt(x)), 'pkcs8');
      imp('public', dhPkcs8(dhAlg(p, g), derInt(x)), 'pkcs8');
    }
  }
  const alg = dhAlg(P, 2n);
  const y = derInt(12345n);
  const x = derInt(54321n);
  const cases = [
    ['public', dhSpki(dhAlg(P, 2n, [derInt(224n)]), y), 'spki'],
    ['private', dhPkcs8(dhAlg(P, 2n, [derInt(224n)]), x), 'pkcs8'],
    ['private', dhPkcs8(dhAlg(P, 2n, [derInt(224n), derInt(3n)]), x), 'pkcs8'],
    ['public', dhSpki(dhAlg(P, 2n, [derInt(224n), derInt(3n)]), y), 'spki'],
    ['public', dhSpki(derSeq(DH_OID, derSeq(derInt(P))), y), 'spki'],
    ['public', dhSpki(derSeq(DH_OID), y), 'spki'],
    ['public', dhSpki(derSeq(DH_OID, Buffer.from([5, 0])), y), 'spki'],
    ['private', dhPkcs8(derSeq(DH_OID), x), 'pkcs8'],
    ['private', dhPkcs8(derSeq(DH_OID, derSeq(derInt(P))), x), 'pkcs8'],
    ['public', dhSpki(alg, tlv(4, Buffer.from([4]))), 'spki'],
    ['public', dhSpki(alg, Buffer.concat([y, Buffer.from([0])])), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0, 0, 4]))), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0x80]))), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0xfb]))), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0x80, 0x01]))), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0xff, 0x80]))), 'spki'],
    ['public', dhSpki(alg, tlv(2, Buffer.from([0xff, 0x7f]))), 'spki'],
    ['public', dhSpki(alg, Buffer.alloc(0)), 'spki'],
    ['private', dhPkcs8(alg, tlv(4, Buffer.from([3]))), 'pkcs8'],
    ['private', dhPkcs8(alg, Buffer.concat([x, Buffer.from([0])])), 'pkcs8'],
    ['private', dhPkcs8(alg, Buffer.alloc(0)), 'pkcs8'],
  ];
  // private keys on moduli OpenSSL will not exponentiate with: small, even, 511 bits, above 10,000 bits
  for (const p of [23n, P + 1n, (1n << 510n) + 1n, (1n << 511n) + 1n, (1n << 9999n) + 1n, (1n << 10000n) + 1n]) {
    cases.push(['private', dhPkcs8(dhAlg(p, 2n), derInt(3n)), 'pkcs8']);
    cases.push(['public', dhSpki(dhAlg(p, 2n), derInt(3n)), 'spki']);
  }
  // negative numbers: a private value counts by its magnitude and is kept; p and g are read unsigned
  cases.push(['private', dhPkcs8(alg, derInt(-3n)), 'pkcs8']);
  cases.push(['private', dhPkcs8(dhAlg(-P, 2n), derInt(3n)), 'pkcs8']);
  cases.push(['private', dhPkcs8(dhAlg(P, -2n), derInt(3n)), 'pkcs8']);
  cases.push(['public', dhSpki(dhAlg(-P, -2n), derInt(8n)), 'spki']);
  cases.push(['public', dhSpki(dhAlg(P, 2n, [derInt(-5n)]), derInt(8n)), 'spki']);
  for (const [create, der, type] of cases) imp(create, der, type);

  // generateKeyPairSync('dh', options): the group or prime and generator each pair has, and Node's errors
  const modp1 = { $hex: crypto.getDiffieHellman('modp1').getPrime('hex') };
  const bad = { format: 'pem', type: 'sec1' };
  const options = [
    { group: 'modp1' }, { group: 'modp2' }, { group: 'MODP5' }, { group: 'modp14' }, { group: 'modp15' },
    { group: 'modp16' }, { group: 'modp17' }, { group: 'modp18' }, { group: 'nope' }, { group: '' }, { group: 'modp3' },
    { prime: modp1 }, { prime: modp1, generator: 5 }, { prime: modp1, generator: 0 }, { prime: modp1, generator: 1 },
    { prime: modp1, generator: 2147483647 }, { prime: modp1, generator: -1 }, { prime: modp1, generator: 2147483648 },
    { prime: { $hex: '17' } }, { prime: { $hex: '' } },
    { prime: { $hex: 'ff'.repeat(64) } }, { prime: { $hex: 'ff'.repeat(1251) } }, { prime: 'abc' }, { prime: 5 },
    { primeLength: 512 }, { primeLength: 512, generator: 5 }, { primeLength: 511 }, { primeLength: 0 },
    { primeLength: 10001 }, { primeLength: -1 }, { primeLength: 2147483648 },
    {}, { generator: 2 }, { group: null }, { prime: null }, { primeLength: null },
    { group: 'modp1', prime: modp1 }, { group: 'modp1', primeLength: 512 }, { group: 'modp1', generator: 2 },
    { group: 'modp1', generator: null }, { prime: modp1, primeLength: 512 }, { group: 'x', prime: modp1 },
    { group: 'modp1', publicKeyEncoding: { format: 'pem', type: 'spki' } },
    { group: 'modp1', privateKeyEncoding: { format: 'der', type: 'pkcs8' } },
    { group: 'modp1', publicKeyEncoding: { format: 'der', type: 'spki' }, privateKeyEncoding: { format: 'pem', type: 'pkcs8' } },
    { group: 'modp1', privateKeyEncoding: bad }, { privateKeyEncoding: bad }, { primeLength: -1, privateKeyEncoding: bad },
    { group: 'modp1', publicKeyEncoding: { format: 'pem', type: 'pkcs1' } },
    { group: 'modp1', publicKeyEncoding: { format: 'jwk' } }, { group: 'modp1', privateKeyEncoding: { format: 'jwk' } },
    { group: 'modp1', publicKeyEncoding: { format: 'pem', type: 'pkcs8' } },
  ];
  for (const o of options) out.push(keyCase('crypto.dhKeyPair', { options: o }));
  return out;
}

// ================================================================================================
// crypto.diffieHellman
// ================================================================================================

function diffieHellmanCases(r) {
  const out = [];
  const K = FIXTURE.keys;
  const priv = (name) => ({ create: 'private', key: K[name] });
  const pub = (name) => ({ create: 'public', key: K[name] });
  const add = (i) => out.push(keyCase('crypto.diffieHellman', i));
  const families = [['modp14a', 'modp14b'], ['modp2a', 'modp2b'], ['modp5a', 'modp5b'], ['p512a', 'p512b'], ['g5a', 'g5b'],
    ['ffdhe2048a', 'ffdhe2048b'],
    ...['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1', 'secp224r1', 'x25519', 'x448'].map((c) => [`${c}a`, `${c}b`])];
  for (const [a, b] of families) {
    add({ privateKey: priv(a), publicKey: pub(b) });
    add({ privateKey: priv(b), publicKey: pub(a) });
    add({ privateKey: priv(a), publicKey: priv(b) });
    add({ privateKey: priv(a), publicKey: pub(a) });
  }
  // keys of other families, groups and curves
  const names = Object.keys(K);
  for (let k = 0; k < 60; k++) {
    const a = r.pick(names);
    const b = r.pick(names);
    add({ privateKey: priv(a), publicKey: pub(b) });
  }
  for (const [a, b] of [['modp14a', 'modp5b'], ['modp2a', 'g5b'], ['p512a', 'modp2b'], ['prime256v1a', 'secp256k1b'],
    ['secp384r1a', 'secp521r1b'], ['x25519a', 'x448b'], ['ed25519', 'ed25519'], ['ed448', 'x448a'], ['rsa', 'rsa'],
    ['dsa', 'dsa'], ['x25519a', 'ed25519'], ['rsa', 'modp14a'], ['modp14a', 'prime256v1a']]) {
    add({ privateKey: priv(a), publicKey: pub(b) });
  }
  // dh peers put together: values at the edges, inside and outside the subgroup, secrets of 1 and p-1
  const spkiOf = (name) => spkiNumbers(crypto.createPublicKey(K[name]).export({ format: 'der', type: 'spki' }));
  for (const name of ['modp14a', 'modp5a', 'modp2a', 'p512a', 'g5a', 'ffdhe2048a']) {
    const { p, g } = spkiOf(name);
    const peer = (yv) => ({ create: 'public', key: hex(dhSpki(dhAlg(p, g), derInt(yv))), format: 'der', type: 'spki' });
    const mine = (xv) => ({ create: 'private', key: hex(dhPkcs8(dhAlg(p, g), derInt(xv))), format: 'der', type: 'pkcs8' });
    const size = big(p).length;
    const ys = [-5n, 0n, 1n, 2n, 3n, 4n, 5n, p - 2n, p - 1n, p, p + 5n];
    for (let k = 0; k < 4; k++) ys.push(BigInt('0x' + bytes(r, size).toString('hex')) % p);
    for (const yv of ys) add({ privateKey: priv(name), publicKey: peer(yv) });
    for (const xv of [0n, 1n, 2n, p - 1n, (p - 1n) / 2n, p, p + 1n]) add({ privateKey: mine(xv), publicKey: peer(4n) });
    add({ privateKey: mine(3n), publicKey: peer(p - 2n) });
    // another generator or another prime: mismatching parameters
    add({ privateKey: priv(name), publicKey: { create: 'public', key: hex(dhSpki(dhAlg(p, g + 1n), derInt(4n))), format: 'der', type: 'spki' } });
    add({ privateKey: priv(name), publicKey: { create: 'public', key: hex(dhSpki(dhAlg(p, g, [derInt(100n)]), derInt(4n))), format: 'der', type: 'spki' } });
  }
  // a named group's prime with another generator is no named group: no subgroup check
  {
    const { p } = spkiOf('modp14a');
    const key = (xv) => ({ create: 'private', key: hex(dhPkcs8(dhAlg(p, 5n), derInt(xv))), format: 'der', type: 'pkcs8' });
    for (const yv of [p - 2n, 3n, 7n]) {
      add({ privateKey: key(12345n), publicKey: { create: 'public', key: hex(dhSpki(dhAlg(p, 5n), derInt(yv))), format: 'der', type: 'spki' } });
    }
  }
  // a composite and a 2050-bit modulus: no primality check when deriving
  {
    const { p } = spkiOf('modp14a');
    for (const m of [p * 3n, p + 2n]) {
      add({ privateKey: { create: 'private', key: hex(dhPkcs8(dhAlg(m, 2n), derInt(3n))), format: 'der', type: 'pkcs8' },
        publicKey: { create: 'public', key: hex(dhSpki(dhAlg(m, 2n), derInt(4n))), format: 'der', type: 'spki' } });
    }
  }
  // ec peers whose SPKI holds a compressed (or hybrid) point
  for (const curve of ['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1', 'secp224r1']) {
    const spki = crypto.createPublicKey(K[`${curve}b`]).export({ format: 'der', type: 'spki' });
    const [alg, bits] = children(spki, readTlv(spki, 0));
    const point = spki.subarray(bits.start + 1, bits.end);
    for (const form of ['compressed', 'hybrid']) {
      const p2 = crypto.ECDH.convertKey(point, curve, undefined, undefined, form);
      const der = derSeq(spki.subarray(0, alg.end).subarray(readTlv(spki, 0).start), tlv(3, Buffer.concat([Buffer.from([0]), p2])));
      add({ privateKey: priv(`${curve}a`), publicKey: { create: 'public', key: hex(der), format: 'der', type: 'spki' } });
    }
  }
  // X25519 and X448 peers of small order, and u-coordinates at and above p
  const x25519 = (u) => ({ create: 'public', key: hex(Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), u])), format: 'der', type: 'spki' });
  const x448 = (u) => ({ create: 'public', key: hex(Buffer.concat([Buffer.from('3042300506032b656f033900', 'hex'), u])), format: 'der', type: 'spki' });
  const le = (v, n) => Buffer.from(v.toString(16).padStart(2 * n, '0'), 'hex').reverse();
  const p25519 = (1n << 255n) - 19n;
  const p448 = (1n << 448n) - (1n << 224n) - 1n;
  for (const u of [0n, 1n, 2n, 9n, p25519 - 1n, p25519, p25519 + 1n, (1n << 256n) - 1n]) {
    add({ privateKey: priv('x25519a'), publicKey: x25519(le(u, 32)) });
  }
  // the two points of order 8 (little-endian u)
  for (const u of ['e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157']) {
    add({ privateKey: priv('x25519a'), publicKey: x25519(Buffer.from(u, 'hex')) });
  }
  for (const u of [0n, 1n, 5n, p448 - 1n, p448, p448 + 1n]) {
    add({ privateKey: priv('x448a'), publicKey: x448(le(u, 56)) });
  }
  // Node's option checks, in its order
  const secret = { create: 'secret', key: hex([1, 2, 3]) };
  const errs = [
    { options: { $undefined: true } }, {},
    { privateKey: priv('x25519a') }, { publicKey: pub('x25519a') },
    { privateKey: { value: 'x' }, publicKey: pub('x25519a') }, { privateKey: priv('x25519a'), publicKey: { value: 'x' } },
    { privateKey: priv('x25519a'), publicKey: { value: hex([0, 0, 0]) } }, { privateKey: priv('x25519a'), publicKey: { value: null } },
    { privateKey: priv('x25519a'), publicKey: { value: 5 } }, { privateKey: { value: 5 }, publicKey: pub('x25519a') },
    { privateKey: { value: {} }, publicKey: pub('x25519a') }, { privateKey: { value: K.x25519a }, publicKey: pub('x25519a') },
    { privateKey: { value: 'y' }, publicKey: { value: 'x' } }, { privateKey: pub('x25519a'), publicKey: pub('x25519b') },
    { privateKey: pub('x25519a'), publicKey: { value: 'x' } }, { privateKey: secret, publicKey: pub('x25519a') },
    { privateKey: secret, publicKey: { value: 'x' } }, { privateKey: priv('x25519a'), publicKey: secret },
    { privateKey: pub('x25519a'), publicKey: secret }, { privateKey: secret, publicKey: secret },
    { privateKey: { value: { $undefined: true } }, publicKey: pub('x25519a') },
  ];
  for (const e of errs) add(e);
  return out;
}

function main() {
  if (process.argv.includes('--add-keys')) {
    addKeys();
    return;
  }
  const groups = [['ecdh', ecdhCases, 601], ['dh', dhCases, 602], ['dhKey', dhKeyCases, 603],
    ['diffieHellman', diffieHellmanCases, 604]];
  for (const [short, make, seed] of groups) {
    const cases = make(rng(seed)).map((x, k) => ({ id: `crypto/agreement-${short}/${pad(k, 5)}`, ...x }));
    writeCases('crypto', `agreement-${short}.jsonl`, cases);
  }
}

module.exports = { main };
if (require.main === module) main();
