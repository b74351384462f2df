#!/usr/bin/env node
'use strict';
// Generates the `crypto.*` conformance cases (shared/CONFORMANCE.md, "crypto") from real Node:
//
//     node conformance-tests/generator/crypto.js
//
// writes conformance-tests/src/test/resources/cases/crypto/classic.jsonl (hand-picked edges, each with
// a note) and random-<probe>.jsonl (seeded random cases over every hash and cipher name of Node 20).
// The output is a pure function of this file and Node's behaviour (seeded PRNG, no time, no
// randomness from Node fed back into inputs), so re-running it on an unchanged Node gives
// byte-identical files. The one randomised cipher, des3-wrap, appears only as decryption of
// ciphertexts Node made once (DES3_WRAPPED below).
//
// Every case is performed on its input exactly as written to the file (encoded, then decoded again),
// so what Node saw is what the Java runner reads. Probe conventions beyond CONFORMANCE.md (the extra
// `plaintextLength` field of crypto.cipher, hkdf's ArrayBuffer as bytes) are in PROBES.md.

const crypto = require('crypto');
const { rng, encode, decode, throwsOut, writeCases, pad } = require('./common');

// ================================================================================================
// Performing a case in Node
// ================================================================================================

/** A chunk (CONFORMANCE.md): a UTF-8 string, {$hex}, or {s, enc}; `update` gets (data[, enc]). */
function chunkArgs(c) {
  if (typeof c === 'string') return [c];
  if (c && typeof c.s === 'string') return [c.s, c.enc];
  return [Buffer.from(decode(c))];
}

/** A chunk as one value (a key, a password): strings as they are, {s, enc} as the bytes it means. */
function chunkValue(c) {
  if (typeof c === 'string') return c;
  if (c && typeof c.s === 'string') return Buffer.from(c.s, c.enc);
  return Buffer.from(decode(c));
}

function perform(probe, i) {
  switch (probe) {
    case 'crypto.hash': {
      const opts = 'outputLength' in i ? { outputLength: decode(i.outputLength) } : undefined;
      const h = crypto.createHash(i.algorithm, opts);
      for (const c of i.data) h.update(...chunkArgs(c));
      return 'outputEncoding' in i ? h.digest(i.outputEncoding) : h.digest();
    }
    case 'crypto.hmac': {
      const h = crypto.createHmac(i.algorithm, chunkValue(i.key));
      for (const c of i.data) h.update(...chunkArgs(c));
      return 'outputEncoding' in i ? h.digest(i.outputEncoding) : h.digest();
    }
    case 'crypto.cipher': {
      const key = chunkValue(i.key);
      const iv = i.iv === null ? null : chunkValue(i.iv);
      const opts = i.options ? decode(i.options) : undefined;
      const c = i.decrypt ? crypto.createDecipheriv(i.algorithm, key, iv, opts) : crypto.createCipheriv(i.algorithm, key, iv, opts);
      if ('aad' in i) {
        if ('plaintextLength' in i) c.setAAD(Buffer.from(decode(i.aad)), { plaintextLength: i.plaintextLength });
        else c.setAAD(Buffer.from(decode(i.aad)));
      }
      if ('autoPadding' in i) c.setAutoPadding(i.autoPadding);
      if ('authTag' in i) c.setAuthTag(Buffer.from(decode(i.authTag)));
      const parts = [];
      for (const d of i.data) parts.push(c.update(...chunkArgs(d)));
      parts.push(c.final());
      const aead = !i.decrypt && /-(gcm|ccm|ocb)$|^id-aes\d+-(gcm|ccm)$|poly1305/i.test(i.algorithm);
      return { data: Buffer.concat(parts), authTag: aead ? c.getAuthTag() : null };
    }
    case 'crypto.pbkdf2':
      return crypto.pbkdf2Sync(chunkValue(i.password), chunkValue(i.salt), i.iterations, i.keylen, i.digest);
    case 'crypto.hkdf':
      return Buffer.from(crypto.hkdfSync(i.digest, chunkValue(i.ikm), chunkValue(i.salt), chunkValue(i.info), i.keylen));
    case 'crypto.scrypt':
      return 'options' in i
        ? crypto.scryptSync(chunkValue(i.password), chunkValue(i.salt), i.keylen, decode(i.options))
        : crypto.scryptSync(chunkValue(i.password), chunkValue(i.salt), i.keylen);
    case 'crypto.cipherScript': {
      const key = chunkValue(i.key);
      const iv = i.iv === null ? null : chunkValue(i.iv);
      const opts = i.options ? decode(i.options) : undefined;
      const c = i.decrypt ? crypto.createDecipheriv(i.algorithm, key, iv, opts) : crypto.createCipheriv(i.algorithm, key, iv, opts);
      const trace = [];
      for (const [action, ...a] of i.steps) {
        try {
          let r;
          switch (action) {
            case 'update': r = c.update(...chunkArgs(a[0])); break;
            case 'updateEnc': r = c.update(...chunkArgs(a[0]).concat(chunkArgs(a[0]).length === 1 ? [undefined] : []), a[1]); break;
            case 'final': r = c.final(); break;
            case 'finalEnc': r = c.final(a[0]); break;
            case 'setAAD': c.setAAD(Buffer.from(decode(a[0])), a.length > 1 ? { plaintextLength: a[1] } : undefined); r = null; break;
            case 'setAutoPadding': c.setAutoPadding(a[0]); r = null; break;
            case 'getAuthTag': r = c.getAuthTag(); break;
            case 'setAuthTag': c.setAuthTag(Buffer.from(decode(a[0]))); r = null; break;
            default: throw new Error('unknown action ' + action);
          }
          trace.push(['ok', encode(r)]);
        } catch (e) {
          trace.push(['threw', e.name, e.code === undefined ? null : e.code, e.message]);
        }
      }
      return trace;
    }
    case 'crypto.timingSafeEqual':
      return crypto.timingSafeEqual(Buffer.from(decode(i.a)), Buffer.from(decode(i.b)));
    default:
      throw new Error('unknown probe ' + probe);
  }
}

/**
 * OpenSSL's error queue outlives a call: after scrypt fails with "memory limit exceeded", a later
 * plain "Invalid scrypt params" failure in the same process carries that stale message too. So every
 * scrypt case is performed in a fresh node process, as if it were the first call.
 */
const ISOLATED = new Set(['crypto.scrypt']);

function outcome(probe, input) {
  if (ISOLATED.has(probe) && !process.argv.includes('--one')) {
    const out = require('child_process').execFileSync(process.execPath, [__filename, '--one'],
      { input: JSON.stringify({ probe, in: input }) });
    return JSON.parse(out.toString());
  }
  try {
    return { ok: encode(perform(probe, input)) };
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    return throwsOut(err);
  }
}

/** A case from an input object (already in value JSON): performed on its JSON round trip. */
function makeCase(probe, input, note) {
  const roundTrip = JSON.parse(JSON.stringify(input));
  return { probe, in: roundTrip, out: outcome(probe, roundTrip), note };
}

// ================================================================================================
// Inputs
// ================================================================================================

const HASHES = crypto.getHashes();
const CIPHERS = crypto.getCiphers();
const OUT_ENCODINGS = ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ucs2', 'utf16le', 'ascii', 'utf8', 'HEX',
  'Base64', 'buffer'];
const IN_ENCODINGS = ['utf8', 'hex', 'base64', 'latin1', 'ucs2', 'ascii', 'base64url', 'binary', 'UTF-8', 'nope'];
const hex = (b) => ({ $hex: Buffer.from(b).toString('hex') });

function randBytes(r, n) {
  const b = Buffer.alloc(n);
  for (let k = 0; k < n; k++) b[k] = r.int(0, 255);
  return b;
}

function randString(r) {
  const pieces = ['a', 'é', '€', '😀', ' ', 'xyz', '\u0000', 'Ω', '\ud800', 'hello world'];
  let s = '';
  const n = r.int(0, 8);
  for (let k = 0; k < n; k++) s += r.pick(pieces);
  return s;
}

/** A chunk: UTF-8 text, bytes, or text in an input encoding that holds it (or an unknown one). */
function randChunk(r, maxBytes = 80) {
  const kind = r.weighted([[3, 'hex'], [2, 'str'], [2, 'enc']]);
  if (kind === 'hex') return hex(randBytes(r, r.int(0, maxBytes)));
  if (kind === 'str') return randString(r);
  const enc = r.pick(IN_ENCODINGS);
  const bytes = randBytes(r, r.int(0, 40));
  const canon = Buffer.isEncoding(enc) ? enc : 'utf8';
  let s = canon.toLowerCase() === 'utf8' || canon.toLowerCase() === 'utf-8' ? randString(r) : bytes.toString(canon);
  if (canon === 'hex' && r.chance(0.05)) s += 'a'; // odd length: Node's ERR_INVALID_ARG_VALUE
  return { s, enc };
}

function randChunks(r, max = 4, maxBytes = 80) {
  const n = r.int(0, max);
  const out = [];
  for (let k = 0; k < n; k++) out.push(randChunk(r, maxBytes));
  return out;
}

/** Splits bytes into 1..4 hex chunks at random points. */
function split(r, bytes) {
  const out = [];
  let at = 0;
  const n = r.int(1, 4);
  for (let k = 1; k < n; k++) {
    const next = r.int(at, bytes.length);
    out.push(hex(bytes.subarray(at, next)));
    at = next;
  }
  out.push(hex(bytes.subarray(at)));
  return out;
}

// ================================================================================================
// Hash and HMAC
// ================================================================================================

function hashCases(r) {
  const out = [];
  for (const name of HASHES) {
    for (let k = 0; k < 14; k++) {
      const input = { algorithm: r.chance(0.15) ? caseVariant(r, name) : name, data: randChunks(r) };
      if (r.chance(0.85)) input.outputEncoding = r.pick(OUT_ENCODINGS);
      if (/shake/.test(name) && r.chance(0.5)) input.outputLength = r.weighted([[3, r.int(0, 64)], [1, r.int(65, 600)]]);
      else if (r.chance(0.03)) input.outputLength = r.pick([16, 20, 28, 32, 48, 64]);
      out.push(makeCase('crypto.hash', input));
    }
  }
  return out;
}

function caseVariant(r, s) {
  return s.split('').map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

function hmacCases(r) {
  const out = [];
  for (const name of HASHES) {
    for (let k = 0; k < 9; k++) {
      const keyLen = r.weighted([[3, r.int(0, 40)], [1, r.int(60, 300)]]);
      const key = r.chance(0.3) ? randString(r) : hex(randBytes(r, keyLen));
      const input = { algorithm: r.chance(0.1) ? caseVariant(r, name) : name, key, data: randChunks(r) };
      if (r.chance(0.85)) input.outputEncoding = r.pick(OUT_ENCODINGS);
      out.push(makeCase('crypto.hmac', input));
    }
  }
  return out;
}

// ================================================================================================
// Ciphers
// ================================================================================================

const DES3_KEY = '03203d5a7794b1ceeb0825425f7c99b6d3f00d2a4764819e';
// des3-wrap of (i * 7 + len) & 255, i < len, under DES3_KEY; made once by node 20 (the wrap is randomised)
const DES3_WRAPPED = [
  '38492fa6aa2257373cc64820dc57f9b5f5c7cea83b0b6fc4',
  'e744005c257e8a3b2696abdba3dca1c9a0f85d4f78f14dac2dd0de52902e520b',
  '0fb8d62fd78aec0720201a183ecefb9d36a6914ff3dcb332a0f62852831c9a944ede737f02835ebd',
  '4221e5bb853feb58e0cdd9bfb295d45207451aea03ca57af9f119af9c8dd8102586a4ecbf1351bd785dbe17a8b7e3e98',
];

function modeOf(name) {
  const info = crypto.getCipherInfo(name);
  if (name === 'chacha20-poly1305') return 'poly';
  return info.mode;
}

/** A plaintext length that suits the mode (wrap: multiples of 8; xts: 16+), sometimes one that does not. */
function plainLength(r, mode, name) {
  if (mode === 'wrap') {
    if (/pad/.test(name)) return r.int(1, 70);
    return r.chance(0.9) ? 8 * r.int(2, 8) : r.int(0, 30);
  }
  if (mode === 'xts') return r.chance(0.9) ? r.int(16, 100) : r.int(0, 15);
  return r.weighted([[1, 0], [4, r.int(1, 48)], [2, r.int(49, 200)]]);
}

function tagLengthFor(r, mode) {
  if (mode === 'gcm') return r.pick([undefined, undefined, 4, 8, 12, 13, 14, 15, 16]);
  if (mode === 'ccm') return r.pick([4, 6, 8, 10, 12, 14, 16]);
  if (mode === 'ocb') return r.int(1, 16);
  if (mode === 'poly') return r.pick([undefined, undefined, 1, 8, 12, 16]);
  return undefined;
}

function ivLengthFor(r, mode, info) {
  if (mode === 'gcm') return r.pick([12, 12, 12, 1, 8, 16, 20, 60, 128]);
  if (mode === 'ccm') return r.int(7, 13);
  if (mode === 'ocb') return r.int(1, 15);
  return info.ivLength;
}

/** One encryption of random data and its decryption (and, often, a tampered decryption). */
function cipherRoundTrip(r, name) {
  const info = crypto.getCipherInfo(name);
  const mode = modeOf(name);
  const aead = ['gcm', 'ccm', 'ocb', 'poly'].includes(mode);
  const key = randBytes(r, info.keyLength);
  if (mode === 'xts') {
    // OpenSSL refuses equal halves when encrypting
    key[info.keyLength - 1] = key[info.keyLength / 2 - 1] ^ 1;
  }
  const ivLen = info.ivLength === undefined ? 0 : ivLengthFor(r, mode, info);
  const iv = info.ivLength === undefined ? null : hex(randBytes(r, ivLen));
  const tagLength = tagLengthFor(r, mode);
  const options = tagLength === undefined ? undefined : { authTagLength: tagLength };
  const len = plainLength(r, mode, name);
  const plain = randBytes(r, len);
  const whole = mode === 'ccm' || mode === 'xts' || mode === 'wrap';
  const enc = { algorithm: r.chance(0.1) ? caseVariant(r, name) : name, key: hex(key), iv };
  if (options) enc.options = options;
  if (aead && r.chance(0.6)) {
    enc.aad = hex(randBytes(r, r.int(0, 40)));
    if (mode === 'ccm') enc.plaintextLength = len;
  }
  const blockMode = ['cbc', 'ecb'].includes(mode);
  if (blockMode && r.chance(0.3)) enc.autoPadding = r.chance(0.3);
  enc.data = whole ? [hex(plain)] : split(r, plain);
  enc.decrypt = false;
  const cases = [];
  if (name !== 'des3-wrap' && name !== 'id-smime-alg-CMS3DESwrap') cases.push(makeCase('crypto.cipher', enc));
  const result = cases.length ? cases[0].out : null;
  if (!result || !result.ok) return cases;
  const ct = Buffer.from(result.ok.data.$hex, 'hex');
  const dec = { ...enc, decrypt: true };
  delete dec.data;
  if (aead) dec.authTag = result.ok.authTag;
  dec.data = whole ? [hex(ct)] : split(r, ct);
  cases.push(makeCase('crypto.cipher', dec));
  if (r.chance(0.5) && ct.length > 0) {
    const bad = Buffer.from(ct);
    bad[r.int(0, bad.length - 1)] ^= 1 << r.int(0, 7);
    cases.push(makeCase('crypto.cipher', { ...dec, data: whole ? [hex(bad)] : split(r, bad) }));
  }
  if (aead && r.chance(0.5)) {
    const tag = Buffer.from(result.ok.authTag.$hex, 'hex');
    tag[r.int(0, tag.length - 1)] ^= 1 << r.int(0, 7);
    cases.push(makeCase('crypto.cipher', { ...dec, authTag: hex(tag) }));
  }
  return cases;
}

/** Wrong key, IV and tag lengths, missing tags and options, for one name. */
function cipherMistakes(r, name) {
  const info = crypto.getCipherInfo(name);
  const mode = modeOf(name);
  const out = [];
  const base = () => {
    const o = { algorithm: name, key: hex(randBytes(r, info.keyLength)),
      iv: info.ivLength === undefined ? null : hex(randBytes(r, ivLengthFor(r, mode, info))) };
    const t = tagLengthFor(r, mode);
    if (t !== undefined) o.options = { authTagLength: t };
    o.data = [hex(randBytes(r, mode === 'wrap' || mode === 'xts' ? 32 : r.int(0, 40)))];
    o.decrypt = r.chance(0.5);
    return o;
  };
  const wrongKey = base();
  wrongKey.key = hex(randBytes(r, r.pick([0, 1, info.keyLength - 1, info.keyLength + 1, 2 * info.keyLength + 8])));
  out.push(makeCase('crypto.cipher', wrongKey));
  const wrongIv = base();
  wrongIv.iv = hex(randBytes(r, r.pick([0, 1, 7, 8, 11, 13, 15, 16, 17, 32, 129, 200])));
  out.push(makeCase('crypto.cipher', wrongIv));
  const keyAndIv = base();
  keyAndIv.key = hex(randBytes(r, info.keyLength + 3));
  keyAndIv.iv = hex(randBytes(r, 3));
  out.push(makeCase('crypto.cipher', keyAndIv));
  if (['gcm', 'ccm', 'ocb', 'poly'].includes(mode)) {
    const badTag = base();
    badTag.options = { authTagLength: r.int(0, 20) };
    out.push(makeCase('crypto.cipher', badTag));
    const noOptions = base();
    delete noOptions.options;
    out.push(makeCase('crypto.cipher', noOptions));
    const twoMistakes = base();
    twoMistakes.key = hex(randBytes(r, info.keyLength + 1));
    twoMistakes.options = { authTagLength: r.pick([0, 3, 5, 17]) };
    out.push(makeCase('crypto.cipher', twoMistakes));
    if (mode === 'ccm' || mode === 'ocb') {
      const noTagBadKey = base();
      noTagBadKey.key = hex(randBytes(r, 3));
      delete noTagBadKey.options;
      out.push(makeCase('crypto.cipher', noTagBadKey));
    }
    const setTag = base();
    setTag.decrypt = true;
    setTag.authTag = hex(randBytes(r, r.int(0, 18)));
    out.push(makeCase('crypto.cipher', setTag));
  } else {
    const notAead = base();
    notAead.aad = hex(randBytes(r, 3));
    out.push(makeCase('crypto.cipher', notAead));
  }
  return out;
}

function cipherCases(r) {
  const out = [];
  for (const name of CIPHERS) {
    for (let k = 0; k < 7; k++) out.push(...cipherRoundTrip(r, name));
    out.push(...cipherMistakes(r, name));
  }
  // des3-wrap: decryption of Node's own wrapped keys, and of a tampered one
  for (const alg of ['des3-wrap', 'id-smime-alg-CMS3DESwrap']) {
    for (const w of DES3_WRAPPED) {
      out.push(makeCase('crypto.cipher', { algorithm: alg, key: { $hex: DES3_KEY }, iv: null, data: [{ $hex: w }], decrypt: true }));
      const bad = Buffer.from(w, 'hex');
      bad[r.int(0, bad.length - 1)] ^= 1;
      out.push(makeCase('crypto.cipher', { algorithm: alg, key: { $hex: DES3_KEY }, iv: null, data: [hex(bad)], decrypt: true }));
    }
  }
  return out;
}

// ================================================================================================
// KDFs and timingSafeEqual
// ================================================================================================

const KDF_DIGESTS = HASHES.concat(['nope', 'md4', 'SHA-256', 'shake128']);

function passwordLike(r) {
  return r.chance(0.4) ? randString(r) : hex(randBytes(r, r.int(0, 40)));
}

function pbkdf2Cases(r) {
  const out = [];
  for (let k = 0; k < 260; k++) {
    out.push(makeCase('crypto.pbkdf2', {
      password: passwordLike(r), salt: passwordLike(r),
      iterations: r.weighted([[8, r.int(1, 50)], [1, r.int(200, 1200)], [1, r.pick([0, -1, 2147483648])]]),
      keylen: r.weighted([[8, r.int(0, 100)], [1, r.int(200, 400)], [1, r.pick([-1, 2147483648])]]),
      digest: r.pick(KDF_DIGESTS),
    }));
  }
  return out;
}

function hkdfCases(r) {
  const out = [];
  for (let k = 0; k < 260; k++) {
    const digest = r.pick(KDF_DIGESTS);
    const spec = HASHES.includes(digest) && !/shake/.test(digest) ? crypto.createHash(digest).digest().length : 32;
    out.push(makeCase('crypto.hkdf', {
      digest, ikm: passwordLike(r), salt: passwordLike(r),
      info: r.chance(0.05) ? hex(randBytes(r, r.int(1020, 1030))) : passwordLike(r),
      keylen: r.weighted([[8, r.int(0, 100)], [1, 255 * spec + r.int(-1, 1)], [1, r.pick([-1, 4294967297])]]),
    }));
  }
  return out;
}

function scryptCases(r) {
  const out = [];
  for (let k = 0; k < 140; k++) {
    const options = {};
    const n = r.weighted([[6, 2 ** r.int(1, 10)], [1, r.pick([0, 1, 3, 1000, 2 ** 20, 2 ** 32])]]);
    if (r.chance(0.9)) options[r.chance(0.8) ? 'N' : 'cost'] = n;
    if (r.chance(0.7)) options[r.chance(0.8) ? 'r' : 'blockSize'] = r.weighted([[6, r.int(1, 8)], [1, r.pick([0, 2 ** 30])]]);
    if (r.chance(0.6)) options[r.chance(0.8) ? 'p' : 'parallelization'] = r.weighted([[6, r.int(1, 3)], [1, r.pick([0, 2 ** 30])]]);
    if (r.chance(0.3)) options.maxmem = r.pick([0, 1024, 128 * 1024, 1 << 20, 32 << 20, 2 ** 40]);
    if (r.chance(0.03)) { options.N = 16; options.cost = 16; }
    const input = { password: passwordLike(r), salt: passwordLike(r), keylen: r.weighted([[9, r.int(0, 80)], [1, -1]]) };
    if (r.chance(0.9)) input.options = options;
    out.push(makeCase('crypto.scrypt', input));
  }
  return out;
}

function timingCases(r) {
  const out = [];
  for (let k = 0; k < 60; k++) {
    const a = randBytes(r, r.int(0, 40));
    const b = r.weighted([[3, Buffer.from(a)], [2, randBytes(r, a.length)], [1, randBytes(r, r.int(0, 40))]]);
    if (b.length === a.length && b.length > 0 && r.chance(0.3)) b[r.int(0, b.length - 1)] ^= 0x80;
    out.push(makeCase('crypto.timingSafeEqual', { a: hex(a), b: hex(b) }));
  }
  return out;
}

// ================================================================================================
// Classic cases
// ================================================================================================

function classicCases() {
  const c = [];
  const add = (probe, input, note) => c.push(makeCase(probe, input, note));
  add('crypto.hash', { algorithm: 'sha256', data: ['abc'], outputEncoding: 'hex' }, 'FIPS 180-2 example');
  add('crypto.hash', { algorithm: 'nope', data: [] }, 'unknown name: Digest method not supported');
  add('crypto.hash', { algorithm: 'md4', data: [] }, 'legacy provider only: unsupported');
  add('crypto.hash', { algorithm: 'sha256', data: [], outputLength: 16 }, 'not an XOF');
  add('crypto.hash', { algorithm: 'shake256', data: [], outputLength: 0, outputEncoding: 'hex' }, 'empty XOF output');
  add('crypto.hash', { algorithm: 'SHA2-512/256', data: ['x'], outputEncoding: 'base64' }, 'OpenSSL 3 spelling');
  add('crypto.hash', { algorithm: '2.16.840.1.101.3.4.2.1', data: [], outputEncoding: 'hex' }, 'an OID');
  add('crypto.hash', { algorithm: 'sha1', data: [{ s: 'abc', enc: 'hex' }] }, 'odd hex input');
  add('crypto.hash', { algorithm: 'md5', data: ['é'], outputEncoding: 'nope' }, 'unknown output encoding: a Buffer');
  add('crypto.hmac', { algorithm: 'nope', key: 'k', data: [] }, 'Invalid digest');
  add('crypto.hmac', { algorithm: 'shake128', key: 'k', data: [] }, 'HMAC over an XOF');
  add('crypto.hmac', { algorithm: 'sha256', key: { $hex: '' }, data: [], outputEncoding: 'hex' }, 'empty key');
  add('crypto.cipher', { algorithm: 'nope', key: { $hex: '00' }, iv: null, data: [], decrypt: false }, 'Unknown cipher');
  add('crypto.cipher', { algorithm: 'des-ecb', key: { $hex: '0001020304050607' }, iv: null, data: [], decrypt: false }, 'legacy cipher');
  add('crypto.cipher', { algorithm: 'aes-128-cbc', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(16) },
    data: [{ $hex: '00'.repeat(32) }], decrypt: true }, 'bad decrypt');
  add('crypto.cipher', { algorithm: 'aes-128-cbc', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(16) },
    data: [{ $hex: '00'.repeat(17) }], decrypt: true }, 'wrong final block length');
  add('crypto.cipher', { algorithm: 'aes-128-cbc', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(16) },
    data: [], decrypt: true }, 'decrypting nothing with padding');
  add('crypto.cipher', { algorithm: 'aes-128-xts', key: { $hex: '01'.repeat(32) }, iv: { $hex: '00'.repeat(16) },
    data: [{ $hex: '00'.repeat(16) }], decrypt: false }, 'xts duplicated keys');
  add('crypto.cipher', { algorithm: 'aes-128-gcm', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(12) },
    data: [{ $hex: '00'.repeat(16) }], decrypt: true }, 'no tag set');
  add('crypto.cipher', { algorithm: 'aes-128-ccm', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(12) },
    options: { authTagLength: 16 }, aad: { $hex: '0102' }, data: [{ $hex: '00' }], decrypt: false }, 'CCM AAD without plaintextLength');
  add('crypto.cipher', { algorithm: 'aes-128-ccm', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(12) },
    options: { authTagLength: 16 }, data: [{ $hex: '00' }, { $hex: '01' }], decrypt: false }, 'CCM takes one update');
  add('crypto.cipher', { algorithm: 'aes-128-ccm', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(12) },
    options: { authTagLength: 16 }, data: [], decrypt: false }, 'CCM without update: tag not set');
  add('crypto.cipher', { algorithm: 'aes-128-cbc-hmac-sha1', key: { $hex: '00'.repeat(16) }, iv: { $hex: '00'.repeat(16) },
    data: [{ $hex: '00' }], decrypt: false }, 'listed, but no data in this state');
  add('crypto.scrypt', { password: 'pw', salt: 'salt', keylen: 16, options: { N: 16, cost: 16 } }, 'N and cost');
  add('crypto.scrypt', { password: 'password', salt: 'NaCl', keylen: 64, options: { N: 1024, r: 8, p: 16 } }, 'RFC 7914 vector');
  add('crypto.pbkdf2', { password: 'password', salt: 'salt', iterations: 1, keylen: 20, digest: 'sha1' }, 'RFC 6070 vector');
  add('crypto.hkdf', { digest: 'sha256', ikm: { $hex: '0b'.repeat(22) }, salt: { $hex: '000102030405060708090a0b0c' },
    info: { $hex: 'f0f1f2f3f4f5f6f7f8f9' }, keylen: 42 }, 'RFC 5869 A.1');
  add('crypto.timingSafeEqual', { a: { $hex: '0102' }, b: { $hex: '010203' } }, 'different lengths');
  return c;
}

// ================================================================================================
// Cipher scripts: Node's state machine (update after final, AAD after update, tags...)
// ================================================================================================

function scriptCases(r) {
  const out = [];
  const names = CIPHERS.filter((n) => !/cbc-hmac|wrap|CMS3DES/i.test(n));
  // Two places where Node exposes OpenSSL's internal state are not drawn (crypto/README.md, "Java
  // divergences"): getAuthTag after a failed final (uninitialised memory), and non-empty AAD after
  // message bytes for ccm and chacha20-poly1305 (mixed into the tag in an implementation-specific way).
  while (out.length < 700) {
    const name = r.pick(names);
    const info = crypto.getCipherInfo(name);
    const mode = modeOf(name);
    const aead = ['gcm', 'ccm', 'ocb', 'poly'].includes(mode);
    const key = randBytes(r, info.keyLength);
    if (mode === 'xts') key[info.keyLength - 1] = key[info.keyLength / 2 - 1] ^ 1;
    const decrypt = r.chance(0.5);
    const input = { algorithm: name, key: hex(key),
      iv: info.ivLength === undefined ? null : hex(randBytes(r, ivLengthFor(r, mode, info))) };
    const t = tagLengthFor(r, mode);
    if (t !== undefined) input.options = { authTagLength: t };
    input.decrypt = decrypt;
    const steps = [];
    const n = r.int(1, 7);
    let enc = null;
    let anyUpdate = false;
    let dataGiven = false;
    for (let j = 0; j < n; j++) {
      const choices = [[5, 'update'], [2, 'final'], [1, 'setAutoPadding']];
      if (aead || r.chance(0.2)) choices.push([2, 'setAAD']);
      if (!decrypt && (aead || r.chance(0.2))) choices.push([2, 'getAuthTag']);
      if (decrypt && (aead || r.chance(0.2))) choices.push([2, 'setAuthTag']);
      if (r.chance(0.3)) choices.push([2, enc ? 'updateEnc' : 'updateEnc'], [1, 'finalEnc']);
      const action = r.weighted(choices);
      const len = mode === 'xts' ? r.int(14, 40) : r.int(0, 40);
      const lateAad = (mode === 'ccm' && anyUpdate) || (mode === 'poly' && dataGiven);
      if (action === 'update' || action === 'updateEnc') {
        anyUpdate = true;
        dataGiven = dataGiven || len > 0;
      }
      switch (action) {
        case 'update': steps.push(['update', hex(randBytes(r, len))]); break;
        case 'updateEnc': enc = enc || r.pick(['hex', 'base64', 'utf8', 'latin1', 'ucs2']);
          steps.push(['updateEnc', hex(randBytes(r, len)), enc]); break;
        case 'final': steps.push(['final']); break;
        case 'finalEnc': steps.push(['finalEnc', enc || r.pick(['hex', 'base64', 'utf8'])]); break;
        case 'setAutoPadding': steps.push(['setAutoPadding', r.chance(0.5)]); break;
        case 'setAAD': {
          const aad = hex(randBytes(r, lateAad ? 0 : r.int(0, 20)));
          steps.push(mode === 'ccm' && r.chance(0.8) ? ['setAAD', aad, r.int(0, 40)] : ['setAAD', aad]);
          break;
        }
        case 'getAuthTag': steps.push(['getAuthTag']); break;
        case 'setAuthTag': steps.push(['setAuthTag', hex(randBytes(r, r.pick([4, 8, 12, 16, t || 16, r.int(0, 18)])))]); break;
        default: break;
      }
    }
    input.steps = steps;
    const c = makeCase('crypto.cipherScript', input);
    const trace = c.out.ok || [];
    const failedFinal = trace.findIndex((t, j) => t[0] === 'threw' && /^final/.test(steps[j][0]));
    if (failedFinal >= 0 && trace.some((t, j) => j > failedFinal && steps[j][0] === 'getAuthTag' && t[0] === 'ok')) {
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Output decoders: small random pieces through update(…, enc) and final(enc), in every encoding. */
function decoderCases(r) {
  const out = [];
  const names = ['aes-128-ctr', 'aes-256-cfb', 'aes-192-ofb', 'chacha20', 'aes-128-cfb8', 'aes-128-cbc', 'des-ede3-cbc'];
  for (let k = 0; k < 300; k++) {
    const name = r.pick(names);
    const info = crypto.getCipherInfo(name);
    const enc = r.pick(['utf8', 'utf16le', 'ucs2', 'base64', 'base64url', 'hex', 'latin1', 'ascii', 'UTF-8']);
    // text-like bytes sometimes, so that utf8 and utf16le see whole and cut characters
    const steps = [];
    const n = r.int(1, 8);
    for (let j = 0; j < n; j++) steps.push(['updateEnc', hex(randBytes(r, r.int(0, 7))), enc]);
    steps.push(['finalEnc', enc]);
    out.push(makeCase('crypto.cipherScript', { algorithm: name, key: hex(randBytes(r, info.keyLength)),
      iv: hex(randBytes(r, info.ivLength)), decrypt: r.chance(0.7), steps }));
  }
  return out;
}

/** utf8 and utf16 output decoding of chosen plaintexts (decrypted), cut into pieces of 0 to 3 bytes. */
function utf8DecoderCases(r) {
  const out = [];
  const pieces = ['61', 'c3a9', 'e282ac', 'f09f9880', 'c3', 'e2', 'e282', 'f09f', 'f09f98', '80', 'bf', 'ed a0 80',
    'eda080', 'f4908080', 'c0af', 'e080af', 'ff', 'fe', 'f8888080', '00', 'dfbf', 'efbfbf', '3dd8', '00dc', '3dd800de'];
  for (let k = 0; k < 300; k++) {
    let plain = '';
    const n = r.int(1, 10);
    for (let j = 0; j < n; j++) plain += r.pick(pieces).replace(/ /g, '');
    const pt = Buffer.from(plain, 'hex');
    const name = r.pick(['aes-128-ctr', 'chacha20', 'aes-256-cfb']);
    const info = crypto.getCipherInfo(name);
    const key = randBytes(r, info.keyLength);
    const iv = randBytes(r, info.ivLength);
    const e = crypto.createCipheriv(name, key, iv);
    const ct = Buffer.concat([e.update(pt), e.final()]);
    const enc = r.pick(['utf8', 'utf8', 'utf8', 'utf16le']);
    const steps = [];
    for (let at = 0; at < ct.length;) {
      const m = Math.min(ct.length - at, r.int(0, 3));
      steps.push(['updateEnc', hex(ct.subarray(at, at + m)), enc]);
      at += m;
    }
    steps.push(['finalEnc', enc]);
    out.push(makeCase('crypto.cipherScript', { algorithm: name, key: hex(key), iv: hex(iv), decrypt: true, steps }));
  }
  return out;
}

/** Strings whose bytes depend on Node's decoding rules (bad hex, base64 with junk, chars above 255). */
function inputEncodingCases(r) {
  const out = [];
  const strs = {
    hex: ['abzz', 'zz', 'a b ', '0g', 'ABCDEF', 'abc', '', '0123456789abcdefx1'],
    base64: ['aGVsbG8', 'aGVs bG8=', 'aGVsbG8===', '=aGVs', 'a', 'ab', 'aGV*sbG8', 'aGVsbG8-_', '\naGVs\tbG8='],
    base64url: ['aGVsbG8-_', 'aGVsbG8+/', 'aGVsbG8=', 'a'],
    latin1: ['é€😀', 'ÿĀ', '\u0100\u01ff'],
    ascii: ['é€', '\u00ff\u0080', 'abc'],
    ucs2: ['😀', '\ud800', 'ab'],
    utf8: ['\ud800x', '\udc00\ud800', '😀'],
  };
  for (let k = 0; k < 120; k++) {
    const enc = r.pick(Object.keys(strs));
    const str = r.pick(strs[enc]);
    const input = { algorithm: r.pick(['sha256', 'md5', 'sha1']), data: [{ s: str, enc }], outputEncoding: 'hex' };
    if (r.chance(0.3)) {
      out.push(makeCase('crypto.hmac', { ...input, key: { s: str, enc } }));
    } else {
      out.push(makeCase('crypto.hash', input));
    }
    const name = 'aes-128-ctr';
    out.push(makeCase('crypto.cipher', { algorithm: name, key: hex(randBytes(r, 16)), iv: hex(randBytes(r, 16)),
      data: [{ s: str, enc }], decrypt: r.chance(0.5) }));
  }
  return out;
}

// ================================================================================================
// The legacy provider (node --openssl-legacy-provider): cases carry "legacyProvider": true
// ================================================================================================

const VARIABLE_KEY = /^(bf|blowfish|cast|rc2|rc4(-40)?$)/;

function legacyCases(r) {
  const defaults = JSON.parse(require('child_process').execFileSync(process.execPath,
    ['-p', 'JSON.stringify([require("crypto").getCiphers(), require("crypto").getHashes()])']).toString());
  const ciphers = CIPHERS.filter((n) => !defaults[0].includes(n));
  const hashes = HASHES.filter((n) => !defaults[1].includes(n));
  const out = [];
  const legacyCase = (probe, input) => makeCase(probe, { legacyProvider: true, ...input });
  for (const name of hashes) {
    for (let k = 0; k < 12; k++) {
      const input = { algorithm: name, data: randChunks(r) };
      if (r.chance(0.8)) input.outputEncoding = r.pick(OUT_ENCODINGS);
      out.push(legacyCase('crypto.hash', input));
      out.push(legacyCase('crypto.hmac', { algorithm: name, key: hex(randBytes(r, r.int(0, 80))), data: randChunks(r),
        outputEncoding: 'hex' }));
    }
    out.push(legacyCase('crypto.pbkdf2', { password: passwordLike(r), salt: passwordLike(r), iterations: r.int(1, 20),
      keylen: r.int(0, 60), digest: name }));
  }
  for (const name of ciphers) {
    const info = crypto.getCipherInfo(name);
    for (let k = 0; k < 8; k++) {
      const keyLen = VARIABLE_KEY.test(name) && r.chance(0.5) ? r.pick([1, 3, 5, 10, 17, 40, 57, 72, 100, 200]) : info.keyLength;
      const enc = { algorithm: r.chance(0.1) ? caseVariant(r, name) : name, key: hex(randBytes(r, keyLen)),
        iv: info.ivLength === undefined ? null : hex(randBytes(r, info.ivLength)) };
      if (/cbc|ecb|^bf$|^cast$|^des$|^desx$|^idea$|^rc2(-40|-64|-128)?$|^seed$|^blowfish$/.test(name) && r.chance(0.3)) {
        enc.autoPadding = r.chance(0.5);
      }
      const plain = randBytes(r, r.int(0, 70));
      enc.data = split(r, plain);
      enc.decrypt = false;
      const e = legacyCase('crypto.cipher', enc);
      out.push(e);
      if (e.out.ok) {
        const ct = Buffer.from(e.out.ok.data.$hex, 'hex');
        out.push(legacyCase('crypto.cipher', { ...enc, data: split(r, ct), decrypt: true }));
        if (ct.length && r.chance(0.5)) {
          ct[r.int(0, ct.length - 1)] ^= 1;
          out.push(legacyCase('crypto.cipher', { ...enc, data: split(r, ct), decrypt: true }));
        }
      }
    }
    const wrong = { algorithm: name, key: hex(randBytes(r, VARIABLE_KEY.test(name) ? 0 : info.keyLength + 1)),
      iv: info.ivLength === undefined ? null : hex(randBytes(r, info.ivLength)), data: [], decrypt: false };
    if (!VARIABLE_KEY.test(name)) out.push(legacyCase('crypto.cipher', wrong));
  }
  return out;
}

// ================================================================================================

function main() {
  if (process.argv.includes('--one')) {
    // one case from stdin, performed in this fresh process (see ISOLATED)
    const c = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(outcome(c.probe, c.in)));
    return;
  }
  if (process.argv.includes('--legacy')) {
    // re-run by main() under --openssl-legacy-provider
    const cases = legacyCases(rng(4242)).map((x, k) => ({ id: `crypto/legacy/${pad(k, 5)}`, ...x }));
    writeCases('crypto', 'random-legacy.jsonl', cases);
    return;
  }
  const r = rng(20261123);
  const classic = classicCases().map((x, k) => ({ id: `crypto/classic/${pad(k)}`, ...x }));
  writeCases('crypto', 'classic.jsonl', classic);
  const groups = [
    ['hash', hashCases], ['hmac', hmacCases], ['cipher', cipherCases], ['pbkdf2', pbkdf2Cases],
    ['hkdf', hkdfCases], ['scrypt', scryptCases], ['timingSafeEqual', timingCases], ['cipherScript', scriptCases],
    ['cipherDecode', decoderCases], ['cipherDecodeText', utf8DecoderCases],
    ['inputEncodings', inputEncodingCases],
  ];
  for (const [short, make] of groups) {
    const cases = make(r).map((x, k) => ({ id: `crypto/${short}/${pad(k, 5)}`, ...x }));
    writeCases('crypto', `random-${short}.jsonl`, cases);
  }
  process.stdout.write(require('child_process').execFileSync(process.execPath,
    ['--openssl-legacy-provider', __filename, '--legacy']).toString());
  // crypto.sign, crypto.verify, crypto.keyExport: keys-*.jsonl, from the fixed keys of crypto-keys.json
  require('./crypto-keys').main();
  // crypto.ecdh, crypto.dh: agreement-*.jsonl
  require('./crypto-agreement').main();
}

main();
