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

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { rng, encode, throwsOut, writeCases, pad } = require('./common');

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

function main() {
  const groups = [['ecdh', ecdhCases, 601], ['dh', dhCases, 602]];
  for (const [short, make, seed] of groups) {
    const cases = make(rng(seed)).map((x, k) => ({ id: `crypto/agreement-${short}/${pad(k, 5)}`, ...x }));
    writeCases('crypto', `agreement-${short}.jsonl`, cases);
  }
}

module.exports = { main };
if (require.main === module) main();
