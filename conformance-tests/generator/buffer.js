#!/usr/bin/env node
'use strict';
// Generates the `buffer.*` conformance cases (shared/CONFORMANCE.md, "buffer") from real Node:
//
//     node conformance-tests/generator/buffer.js
//
// writes conformance-tests/src/test/resources/cases/buffer/classic.jsonl (hand-picked edge cases,
// each with a note) and random-<probe>.jsonl (seeded random cases, one file per probe). Output is a
// pure function of this file and Node's behaviour (seeded PRNG, no time), so re-running it on an
// unchanged Node gives byte-identical files.
//
// Every case is performed on the input exactly as written to the file (encoded, then decoded again),
// so what Node saw is what the Java runner reads.
//
//     node conformance-tests/generator/buffer.js --left-out=/tmp/left-out.jsonl
//
// also writes the cases left out as not expressible in Java (below) to that file, for a look with
// bin/conformance, which reports each as "cannot be expressed in Java".
//
// Java expressibility: the Java API of dev.nodeshim.buffer.Buffer takes offsets as `long`, values as
// `double`, encodings as `String` and so on (conformance-tests/PROBES.md, "buffer"). A JS argument
// with no Java expression under that mapping (a fractional or NaN offset, a string where Java wants a
// number, an undefined before a defined argument, ...) would make the runner report the case as
// failed, so such cases are left out here: the generator draws them at a low rate, performs them in
// Node all the same, and counts per probe how many it left out (printed at the end). `expressible()`
// below is the JavaScript twin of the Java probes' argument mapping (BufferArgs.java).

const util = require('util');
const bufferModule = require('buffer');
const { rng, encode, decode, throwsOut, writeCases, pad } = require('./common');

// ================================================================================================
// Performing a case in Node
// ================================================================================================

/** The present fields of `i`, in order, as positional arguments (decoded). */
function positional(i, names) {
  const out = [];
  let gap = false;
  for (const n of names) {
    if (n in i) {
      if (gap) throw new Error('argument ' + n + ' after a missing one');
      out.push(decode(i[n]));
    } else {
      gap = true;
    }
  }
  return out;
}

const argsOf = (i) => (i.args === undefined ? [] : decode(i.args));

/** Performs one case in Node; returns the JS result (encoded later). */
function perform(probe, i) {
  switch (probe) {
    case 'buffer.from':
      return Buffer.from(...positional(i, ['value', 'encoding']));
    case 'buffer.alloc':
      return Buffer.alloc(...positional(i, ['size', 'fill', 'encoding']));
    case 'buffer.toString':
      return decode(i.bytes).toString(...positional(i, ['encoding', 'start', 'end']));
    case 'buffer.byteLength':
      return Buffer.byteLength(...positional(i, ['string', 'encoding']));
    case 'buffer.isEncoding':
      return Buffer.isEncoding(...positional(i, ['encoding']));
    case 'buffer.write': {
      const b = Buffer.alloc(decode(i.size));
      const n = b.write(decode(i.string), ...argsOf(i));
      return { written: n, bytes: b };
    }
    case 'buffer.fill':
      return Buffer.alloc(decode(i.size)).fill(decode(i.value), ...argsOf(i));
    case 'buffer.indexOf':
      return decode(i.bytes).indexOf(decode(i.value), ...argsOf(i));
    case 'buffer.lastIndexOf':
      return decode(i.bytes).lastIndexOf(decode(i.value), ...argsOf(i));
    case 'buffer.includes':
      return decode(i.bytes).includes(decode(i.value), ...argsOf(i));
    case 'buffer.compare':
      return decode(i.a).compare(decode(i.b), ...argsOf(i));
    case 'buffer.equals':
      return decode(i.a).equals(decode(i.b));
    case 'buffer.concat':
      return Buffer.concat(...positional(i, ['list', 'totalLength']));
    case 'buffer.slice':
      return decode(i.bytes).subarray(...argsOf(i));
    case 'buffer.copy': {
      const target = decode(i.target);
      const n = decode(i.source).copy(target, ...argsOf(i));
      return { copied: n, target };
    }
    case 'buffer.read':
      return decode(i.bytes)[i.method](...argsOf(i));
    case 'buffer.writeNumber': {
      const b = Buffer.alloc(decode(i.size));
      const r = b[i.method](decode(i.value), ...argsOf(i));
      return { returned: r, bytes: b };
    }
    case 'buffer.swap':
      return decode(i.bytes)['swap' + i.bits]();
    case 'buffer.toJSON':
      return decode(i.bytes).toJSON();
    case 'buffer.inspect':
      return util.inspect(decode(i.bytes));
    case 'buffer.transcode':
      return bufferModule.transcode(...positional(i, ['bytes', 'from', 'to']));
    case 'buffer.pool': {
      // A fresh slab first: allocate 4095 bytes until a buffer is cut from a new slab.
      let prev = Buffer.allocUnsafe(4095);
      for (;;) {
        const b = Buffer.allocUnsafe(4095);
        const fresh = b.buffer !== prev.buffer;
        prev = b;
        if (fresh) break;
      }
      const out = [];
      for (const size of i.sizes) {
        const b = Buffer.allocUnsafe(decode(size));
        out.push([b.byteOffset, b.buffer === prev.buffer, b.buffer.byteLength]);
        prev = b;
      }
      return out;
    }
    default:
      throw new Error('unknown probe ' + probe);
  }
}

/** Error props recorded per probe (CONFORMANCE.md `props`). */
const ERROR_PROPS = { 'buffer.transcode': ['errno'] };

function outcome(probe, input) {
  try {
    return { ok: encode(perform(probe, input)) };
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    return throwsOut(err, ERROR_PROPS[probe]);
  }
}

// ================================================================================================
// Java expressibility (the twin of BufferArgs.java)
// ================================================================================================

/**
 * The kind of a case value as the Java probes see it: L an integer that fits a Java long (also -0),
 * D any other number, S string, N null, B bytes, G bigint, U undefined, A array, T boolean, O other.
 */
function kind(j) {
  if (j === null) return 'N';
  if (typeof j === 'string') return 'S';
  if (typeof j === 'boolean') return 'T';
  if (typeof j === 'number') return Number.isInteger(j) && Math.abs(j) < 2 ** 63 ? 'L' : 'D';
  if (Array.isArray(j)) return 'A';
  if (typeof j === 'object') {
    if ('$num' in j) return j.$num === '-0' ? 'L' : 'D';
    if ('$hex' in j) return 'B';
    if ('$bigint' in j) return 'G';
    if ('$undefined' in j) return 'U';
  }
  return 'O';
}

/** Trailing undefined arguments are dropped (Node treats them as missing everywhere in this table). */
function trimmed(list) {
  const out = list.slice();
  while (out.length && kind(out[out.length - 1]) === 'U') out.pop();
  return out;
}

const sigOf = (list) => trimmed(list).map(kind).join('');

/** The signature of the present fields, in order; null when a field is missing before a present one. */
function fieldSig(i, names) {
  const vals = [];
  let gap = false;
  for (const n of names) {
    if (n in i) {
      if (gap) return null;
      vals.push(i[n]);
    } else {
      gap = true;
    }
  }
  return sigOf(vals);
}

const VARIABLE = /^(read|write)(U?[Ii]nt|Uint)(LE|BE)$/;
const BIG = /Big/;

const is = (sig, ...allowed) => allowed.includes(sig);

function expressible(probe, i) {
  const args = sigOf(i.args || []);
  switch (probe) {
    case 'buffer.from': {
      const s = fieldSig(i, ['value', 'encoding']);
      if (s === 'A') return i.value.every((x) => kind(x) === 'L' || kind(x) === 'D'); // from(int[]) or from(double[])
      return is(s, 'S', 'SS', 'SN', 'B', 'N');
    }
    case 'buffer.alloc':
      return is(fieldSig(i, ['size', 'fill', 'encoding']), 'L', 'LL', 'LD', 'LS', 'LSS', 'LSN', 'LB');
    case 'buffer.toString':
      return kind(i.bytes) === 'B' && is(fieldSig(i, ['encoding', 'start', 'end']), '', 'S', 'N', 'SL', 'NL', 'SLL', 'NLL');
    case 'buffer.byteLength':
      return is(fieldSig(i, ['string', 'encoding']), 'S', 'SS', 'SN', 'B', 'N');
    case 'buffer.isEncoding':
      return is(fieldSig(i, ['encoding']), 'S', 'N');
    case 'buffer.write':
      return kind(i.size) === 'L' && is(kind(i.string), 'S', 'N')
        && is(args, '', 'S', 'N', 'L', 'LS', 'LN', 'LL', 'LLS', 'LLN');
    case 'buffer.fill': {
      if (kind(i.size) !== 'L') return false;
      const v = kind(i.value);
      if (v === 'L' || v === 'D' || v === 'B') return is(args, '', 'L', 'LL');
      if (v === 'S') return is(args, '', 'S', 'N', 'L', 'LS', 'LN', 'LL', 'LLS', 'LLN');
      return false;
    }
    case 'buffer.indexOf':
    case 'buffer.lastIndexOf':
    case 'buffer.includes':
      return kind(i.bytes) === 'B' && is(kind(i.value), 'S', 'N', 'B', 'L') && is(args, '', 'S', 'N', 'L', 'LS', 'LN');
    case 'buffer.compare':
      return kind(i.a) === 'B' && is(kind(i.b), 'B', 'N') && /^L{0,4}$/.test(args);
    case 'buffer.equals':
      return kind(i.a) === 'B' && kind(i.b) === 'B';
    case 'buffer.concat': {
      const s = fieldSig(i, ['list', 'totalLength']);
      if (!is(s, 'A', 'AL', 'N', 'NL')) return false;
      return s[0] === 'N' || i.list.every((x) => is(kind(x), 'B', 'N'));
    }
    case 'buffer.slice':
      return kind(i.bytes) === 'B' && /^L{0,2}$/.test(args);
    case 'buffer.copy':
      return kind(i.source) === 'B' && is(kind(i.target), 'B', 'N') && /^L{0,3}$/.test(args);
    case 'buffer.read':
      return kind(i.bytes) === 'B' && (VARIABLE.test(i.method) ? args === 'LL' : is(args, '', 'L'));
    case 'buffer.writeNumber': {
      if (kind(i.size) !== 'L') return false;
      const v = kind(i.value);
      if (BIG.test(i.method) ? !is(v, 'G', 'N') : !is(v, 'L', 'D')) return false;
      return VARIABLE.test(i.method) ? args === 'LL' : is(args, '', 'L');
    }
    case 'buffer.swap':
      return kind(i.bytes) === 'B' && is(i.bits, 16, 32, 64);
    case 'buffer.toJSON':
    case 'buffer.inspect':
      return kind(i.bytes) === 'B';
    case 'buffer.transcode':
      return is(fieldSig(i, ['bytes', 'from', 'to']), 'BSS', 'BSN', 'BNS', 'BNN', 'NSS');
    case 'buffer.pool':
      return Array.isArray(i.sizes) && i.sizes.every((x) => kind(x) === 'L');
    default:
      return false;
  }
}

// ================================================================================================
// Building cases
// ================================================================================================

const left = {}; // probe -> number of cases left out as not expressible in Java
const leftOut = []; // those cases, written only with --left-out=FILE

/** A case from a JS-valued input: encoded, decoded again, performed in Node. Null when left out. */
function makeCase(probe, inJs, note) {
  const input = JSON.parse(JSON.stringify(encode(inJs)));
  if (!expressible(probe, input)) {
    left[probe] = (left[probe] || 0) + 1;
    leftOut.push({ id: `left-out/${short(probe)}/${pad(left[probe])}`, probe, in: input, out: outcome(probe, input) });
    return null;
  }
  const c = { probe, in: input, out: outcome(probe, input) };
  if (note !== undefined) c.note = note;
  return c;
}

const short = (probe) => probe.slice('buffer.'.length);

// ================================================================================================
// Random material
// ================================================================================================

const KNOWN = ['utf8', 'utf-8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1', 'binary', 'ascii',
  'base64', 'base64url', 'hex'];
const UNKNOWN = ['utf16', 'utf-16', 'UTF16', 'utf32', 'utf-32', 'latin-1', 'iso-8859-1', 'ucs4', 'ucs-4',
  'base-64', 'b64', 'base32', 'hexa', 'hex ', ' hex', 'asci', 'ascii7', 'utf 8', 'utf8 ', ' utf8', 'utf_8',
  'utf-8\u0000', 'raw', 'raws', 'buffer', 'B\u0130NARY', 'b\u0130nary', 'LAT\u0130N1', '\uff48\uff45\uff58',
  'utf\u00ad8', 'undefined', 'null', '0', '1', 'utf8utf8', 'u', 'UTF-16BE', 'utf16be', 'base64url ', 'ucs-2le'];

function caseVariant(r, s) {
  switch (r.int(0, 4)) {
    case 0: return s.toUpperCase();
    case 1: return s[0].toUpperCase() + s.slice(1);
    case 2: return s.split('').map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch)).join('');
    default: return s;
  }
}

/** An encoding name: usually a known one in some letter case, sometimes unknown, '' or null. */
function encodingName(r, known = KNOWN) {
  return r.weighted([
    [70, () => caseVariant(r, r.pick(known))],
    [12, () => r.pick(UNKNOWN)],
    [3, () => ''],
    [3, () => null],
  ])();
}

/** One random piece of UTF-16 text. */
function piece(r) {
  const cp = (lo, hi) => String.fromCharCode(r.int(lo, hi));
  return r.weighted([
    [20, () => cp(0x20, 0x7e)],
    [8, () => r.pick(['a', 'b', 'ab', 'abc', 'x', '0', '1', ' ', '=', '+', '/', '-', '_'])],
    [3, () => '\u0000'],
    [3, () => cp(0x01, 0x1f)],
    [2, () => '\u007f'],
    [3, () => cp(0x80, 0x9f)],
    [5, () => cp(0xa0, 0xff)],
    [4, () => cp(0x100, 0x7ff)],
    [4, () => cp(0x800, 0xd7ff)],
    [3, () => cp(0xe000, 0xffff)],
    [4, () => cp(0x4e00, 0x9fff)],
    [2, () => r.pick(['\ufeff', '\ufffd', '\ufffe', '\uffff', '\u2028', '\u00ad', '\u0300'])],
    [5, () => String.fromCodePoint(r.pick([0x10000, 0x1f600, 0x1f4a9, 0x10ffff, 0x20000, r.int(0x10000, 0x10ffff)]))],
    [3, () => cp(0xd800, 0xdbff)],
    [3, () => cp(0xdc00, 0xdfff)],
    [1, () => cp(0xdc00, 0xdfff) + cp(0xd800, 0xdbff)],
  ])();
}

function randText(r, maxPieces = 12) {
  let s = '';
  const n = r.weighted([[1, 0], [3, 1], [10, r.int(2, maxPieces)], [2, r.int(maxPieces, maxPieces * 3)]]);
  for (let k = 0; k < n; k++) s += piece(r);
  return s;
}

function randBytes(r, n) {
  const b = Buffer.alloc(n);
  for (let k = 0; k < n; k++) b[k] = r.int(0, 255);
  return b;
}

/** UTF-8 material: valid sequences mixed with every kind of invalid one. */
const UTF8_BAD = [
  [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0x9f, 0xbf], [0xf0, 0x80, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], // overlong
  [0xc3], [0xe2, 0x82], [0xe2], [0xf0, 0x9f, 0x98], [0xf0, 0x9f], [0xf4, 0x8f, 0xbf], // truncated
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], [0xed, 0xaf, 0xbf], // surrogates
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf7, 0xbf, 0xbf, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80], [0xfe], [0xff], // > U+10FFFF, never-valid bytes
  [0x80], [0xbf], [0x80, 0x80], [0x9f, 0xa0], // stray continuation bytes
  [0xe2, 0x28, 0xa1], [0xc3, 0x28], [0xf0, 0x28, 0x8c, 0xbc], [0xe1, 0x80, 0xc3, 0xa9], // broken by a lead
];
const UTF8_GOOD = [
  [0x41], [0x7f], [0x00], [0xc2, 0x80], [0xc3, 0xa9], [0xdf, 0xbf], [0xe0, 0xa0, 0x80], [0xe2, 0x82, 0xac],
  [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd], [0xef, 0xbf, 0xbf], [0xed, 0x9f, 0xbf], [0xee, 0x80, 0x80],
  [0xf0, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xe4, 0xb8, 0xad],
];

function utf8Bytes(r) {
  const out = [];
  const n = r.int(0, 10);
  for (let k = 0; k < n; k++) {
    const p = r.weighted([[5, 'ascii'], [4, 'good'], [4, 'bad']]);
    if (p === 'ascii') out.push(r.int(0x20, 0x7e));
    else out.push(...r.pick(p === 'good' ? UTF8_GOOD : UTF8_BAD));
  }
  return Buffer.from(out);
}

/** Bytes for decoding: arbitrary, ASCII, UTF-8 mixtures, UTF-16 with surrogates. */
function bytesForDecoding(r) {
  return r.weighted([
    [4, () => randBytes(r, r.int(0, 16))],
    [2, () => Buffer.from(randText(r), 'latin1').map((x) => x & 0x7f)],
    [6, () => utf8Bytes(r)],
    [3, () => Buffer.from(randText(r), r.pick(['utf8', 'utf16le']))],
    [1, () => randBytes(r, r.int(17, 70))],
  ])();
}

const WHITESPACE = [' ', '\n', '\r', '\t', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\ufeff'];
const GARBAGE = ['!', '*', '.', '#', '@', '%', '\u00e9', '\u2603', '\u0000', '\ud83d\ude00', '\ud800', '\u00ff', '\u0141', '~'];

function insertAt(r, s, t) {
  const at = r.int(0, s.length);
  return s.slice(0, at) + t + s.slice(at);
}

/** Base64-ish text: both alphabets, whitespace, garbage, missing or extra padding, bad lengths. */
function base64ish(r) {
  let s = randBytes(r, r.int(0, 14)).toString(r.chance(0.5) ? 'base64' : 'base64url');
  const muts = r.weighted([[3, 0], [5, 1], [3, 2], [2, 4]]);
  for (let k = 0; k < muts; k++) {
    switch (r.int(0, 9)) {
      case 0: s = s.replace(/=+$/, ''); break;
      case 1: s += r.pick(['=', '==', '===', '====']); break;
      case 2: s = insertAt(r, s, r.pick(WHITESPACE)); break;
      case 3: s = insertAt(r, s, r.pick(GARBAGE)); break;
      case 4: s = insertAt(r, s, r.pick(['=', '==', '='])); break;
      case 5: s = s.replace(/[+/\-_]/g, (ch) => r.pick(['+', '/', '-', '_', ch])); break;
      case 6: s = insertAt(r, s, r.pick(['+', '/', '-', '_'])); break;
      case 7: s = s.slice(0, r.int(0, s.length)); break;
      case 8: s += r.pick(['A', 'Q', 'QQ', 'QUI', 'Zg', 'Zm9', '-', '_']); break;
      default: s = r.pick(['', '=', '==', 'A', 'AA', 'AAA', 'AAAA', 'A===', '====', 'QQ==QQ==', '\n', ' A B ']); break;
    }
  }
  return s;
}

/** Hex-ish text: mixed case, odd length, invalid digits in places. */
function hexish(r) {
  let s = randBytes(r, r.int(0, 10)).toString('hex');
  const muts = r.weighted([[3, 0], [5, 1], [3, 2]]);
  for (let k = 0; k < muts; k++) {
    switch (r.int(0, 6)) {
      case 0: s = s.split('').map((ch) => (r.chance(0.5) ? ch.toUpperCase() : ch)).join(''); break;
      case 1: s = s.slice(0, Math.max(0, s.length - 1)); break;
      case 2: s += r.pick(['0', 'f', 'F', 'a']); break;
      case 3: s = insertAt(r, s, r.pick(['g', 'G', 'x', ' ', '-', 'z', '\u0660', '\uff41', '\u0000', '\ud800'])); break;
      case 4: s = '0x' + s; break;
      case 5: s = r.pick(['', '0', 'a', 'zz', '0g', 'g0', 'fff', 'FfFf', 'abcdefABCDEF01']); break;
      default: s = s.replace(/./, (ch) => r.pick(['G', ' ', ch])); break;
    }
  }
  return s;
}

/** A string suited to an encoding (base64-ish for base64, hex-ish for hex), or any text. */
function textFor(r, enc) {
  const e = typeof enc === 'string' ? enc.toLowerCase() : '';
  if (e.startsWith('base64') && r.chance(0.8)) return base64ish(r);
  if (e === 'hex' && r.chance(0.8)) return hexish(r);
  return r.chance(0.1) ? r.pick([base64ish, hexish])(r) : randText(r);
}

/**
 * An offset or length near and beyond every boundary of a buffer of `len` bytes. Fractions, NaN,
 * infinities and strings are drawn at a low rate: Java's `long` cannot hold them, so most such cases
 * are left out as not expressible (strings survive where Java reads them as encodings).
 */
function offsetFor(r, len) {
  return r.weighted([
    [30, () => r.int(0, len)],
    [8, () => 0], [6, () => len], [6, () => len + 1], [4, () => Math.max(0, len - 1)], [2, () => len + r.int(2, 9)],
    [6, () => -1], [4, () => -r.int(1, len + 3)], [3, () => -len], [3, () => -len - 1],
    [2, () => 2 ** 31 - 1], [1, () => 2 ** 31], [1, () => -(2 ** 31)], [1, () => -(2 ** 31) - 1],
    [1, () => 2 ** 32 - 1], [2, () => 2 ** 32], [1, () => 2 ** 32 + 1], [1, () => 2 ** 53 - 1],
    [1, () => 2 ** 53], [1, () => -(2 ** 53)], [1, () => -(2 ** 32) - 1],
    [1, () => -0],
    [1, () => r.pick([1.5, 0.5, len - 0.5, -0.5, NaN, Infinity, -Infinity, 1e21, 2 ** 64, 2 ** 63])],
    [1, () => r.pick(['1', '0', '', 'abc', true, null])],
  ])();
}

/** Mostly an offset inside [0, len]; otherwise one of offsetFor's boundaries. */
const inOffset = (r, len) => (r.chance(0.75) ? r.int(0, len) : offsetFor(r, len));

const size = (r, max = 16) => r.weighted([[1, 0], [8, r.int(1, max)], [1, r.int(max, max * 3)]]);

// ================================================================================================
// Random cases, per probe
// ================================================================================================

const RANDOM = {
  'buffer.from': [800, (r) => {
    const kindOf = r.weighted([[80, 'string'], [7, 'array'], [4, 'bytes'], [1, 'null'], [3, 'odd']]);
    if (kindOf === 'array') {
      const n = r.int(0, 10);
      const v = [];
      for (let k = 0; k < n; k++) {
        v.push(r.weighted([[6, r.int(0, 255)], [2, r.int(-300, 600)], [1, r.pick([-(2 ** 31), 2 ** 31 - 1, 65535, -129])],
          [1, r.pick([1.5, NaN, 2 ** 32 + 1, -0.5])]]));
      }
      return { value: v };
    }
    if (kindOf === 'bytes') return { value: randBytes(r, r.int(0, 12)) };
    if (kindOf === 'null') return { value: null };
    if (kindOf === 'odd') return { value: randText(r), encoding: r.pick([undefined, 5, true]) };
    const enc = r.chance(0.12) ? undefined : encodingName(r);
    const i = { value: textFor(r, enc) };
    if (enc !== undefined) i.encoding = enc;
    return i;
  }],

  'buffer.alloc': [300, (r) => {
    const i = {
      size: r.weighted([[10, r.int(0, 20)], [1, r.pick([-1, -0, 2 ** 32 + 1, 2 ** 53, -(2 ** 31), 1.5, NaN, Infinity])]]),
    };
    const f = r.weighted([[2, 'none'], [4, 'number'], [6, 'string'], [2, 'bytes']]);
    if (f === 'number') {
      i.fill = r.weighted([[5, r.int(0, 255)], [3, r.int(-1000, 1000)], [2, r.pick([0, -0, 256, 257.9, -1.5, NaN, Infinity, 2 ** 32 + 65, 1e21])]]);
    } else if (f === 'string') {
      const enc = r.chance(0.3) ? undefined : encodingName(r);
      i.fill = r.chance(0.15) ? '' : textFor(r, enc);
      if (enc !== undefined) i.encoding = enc;
    } else if (f === 'bytes') {
      i.fill = randBytes(r, r.weighted([[1, 0], [8, r.int(1, 5)]]));
    }
    return i;
  }],

  'buffer.toString': [1200, (r) => {
    const bytes = bytesForDecoding(r);
    const i = { bytes };
    const shape = r.weighted([[4, 0], [10, 1], [5, 2], [6, 3]]);
    if (shape >= 1) i.encoding = r.weighted([[85, () => caseVariant(r, r.pick(KNOWN))], [6, () => r.pick(UNKNOWN)], [2, () => ''],
      [3, () => null], [1, () => undefined]])();
    if (shape >= 2) i.start = offsetFor(r, bytes.length);
    if (shape >= 3) i.end = r.chance(0.05) ? undefined : offsetFor(r, bytes.length);
    return i;
  }],

  'buffer.byteLength': [350, (r) => {
    if (r.chance(0.04)) return r.pick([{ string: randBytes(r, r.int(0, 9)) }, { string: null }]);
    const enc = r.chance(0.15) ? undefined : encodingName(r);
    const i = { string: textFor(r, enc) };
    if (enc !== undefined) i.encoding = enc;
    return i;
  }],

  'buffer.isEncoding': [150, (r) => ({
    encoding: r.weighted([[60, () => caseVariant(r, r.pick(KNOWN))], [30, () => r.pick(UNKNOWN)], [3, () => ''], [3, () => null],
      [4, () => randText(r, 3)]])(),
  })],

  'buffer.write': [800, (r) => {
    const sz = size(r, 16);
    const enc = encodingName(r);
    const i = { size: sz, string: textFor(r, enc) };
    const off = () => inOffset(r, sz);
    i.args = r.weighted([
      [3, () => []],
      [4, () => [enc]],
      [5, () => [off()]],
      [5, () => [off(), enc]],
      [5, () => [off(), off()]],
      [10, () => [off(), off(), enc]],
      [1, () => [undefined, enc]],
      [1, () => [off(), undefined, enc]],
      [1, () => [enc, off()]],
      [1, () => [off(), enc, off()]],
    ])();
    return i;
  }],

  'buffer.fill': [500, (r) => {
    const sz = size(r, 14);
    const off = () => inOffset(r, sz);
    const v = r.weighted([[4, 'number'], [7, 'string'], [3, 'bytes']]);
    if (v === 'number') {
      const value = r.weighted([[5, r.int(0, 255)], [2, r.int(-600, 600)], [2, r.pick([-0, 256, 257.9, -1.5, NaN, Infinity, -Infinity, 2 ** 32 + 97, 1e21, 0.999])]]);
      return { size: sz, value, args: r.weighted([[2, () => []], [3, () => [off()]], [4, () => [off(), off()]], [1, () => [off(), off(), 'utf8']]])() };
    }
    if (v === 'bytes') {
      const value = randBytes(r, r.weighted([[1, 0], [8, r.int(1, 6)], [1, r.int(7, 20)]]));
      return { size: sz, value, args: r.weighted([[2, () => []], [3, () => [off()]], [4, () => [off(), off()]], [1, () => ['hex']]])() };
    }
    const enc = encodingName(r);
    const value = r.chance(0.08) ? '' : textFor(r, enc);
    const args = r.weighted([
      [2, () => []], [4, () => [enc]], [4, () => [off()]], [4, () => [off(), enc]], [4, () => [off(), off()]],
      [8, () => [off(), off(), enc]], [1, () => [enc, off()]], [1, () => [off(), enc, off()]],
    ])();
    return { size: sz, value, args };
  }],

  'buffer.indexOf': [600, (r) => searchCase(r, true)],
  'buffer.lastIndexOf': [550, (r) => searchCase(r, false)],
  'buffer.includes': [150, (r) => searchCase(r, true)],

  'buffer.compare': [260, (r) => {
    const a = randCompareBytes(r);
    const b = r.chance(0.03) ? null : (r.chance(0.4) ? mutate(r, a) : randCompareBytes(r));
    const n = r.weighted([[3, 0], [2, 1], [2, 2], [2, 3], [5, 4]]);
    const lens = [b ? b.length : 0, b ? b.length : 0, a.length, a.length];
    const args = [];
    for (let k = 0; k < n; k++) args.push(r.chance(0.03) ? undefined : inOffset(r, lens[k]));
    return { a, b, args };
  }],

  'buffer.equals': [90, (r) => {
    const a = randCompareBytes(r);
    return { a, b: r.chance(0.5) ? mutate(r, a) : randCompareBytes(r) };
  }],

  'buffer.concat': [160, (r) => {
    if (r.chance(0.03)) return { list: null };
    const n = r.weighted([[1, 0], [3, 1], [6, r.int(2, 5)]]);
    const list = [];
    for (let k = 0; k < n; k++) list.push(r.chance(0.04) ? null : randBytes(r, r.int(0, 6)));
    const total = list.reduce((s, b) => s + (b ? b.length : 0), 0);
    const i = { list };
    if (r.chance(0.6)) i.totalLength = r.weighted([[5, r.int(0, total + 4)], [2, total], [1, -1], [1, r.pick([2 ** 32 + 1, 1.5, NaN, -0])]]);
    return i;
  }],

  'buffer.slice': [220, (r) => {
    const bytes = randBytes(r, r.int(0, 12));
    const n = r.weighted([[1, 0], [3, 1], [6, 2]]);
    const args = [];
    for (let k = 0; k < n; k++) args.push(offsetFor(r, bytes.length));
    return { bytes, args };
  }],

  'buffer.copy': [280, (r) => {
    const source = randBytes(r, r.int(0, 12));
    const target = r.chance(0.03) ? null : randBytes(r, r.int(0, 12));
    const n = r.weighted([[2, 0], [3, 1], [3, 2], [6, 3]]);
    const lens = [target ? target.length : 0, source.length, source.length];
    const args = [];
    for (let k = 0; k < n; k++) args.push(r.chance(0.03) ? undefined : inOffset(r, lens[k]));
    return { source, target, args };
  }],

  'buffer.read': [1200, (r) => {
    const [method, width] = r.pick(READS);
    const bytes = r.chance(0.3) ? specialNumberBytes(r) : randBytes(r, r.weighted([[1, r.int(0, 8)], [6, (width || 6) + r.int(0, 4)]]));
    let args;
    if (width === 0) {
      const bl = r.weighted([[8, r.int(1, 6)], [2, r.pick([0, 7, -1, 8])], [1, r.pick([1.5, NaN, '2', undefined])]]);
      const o = r.chance(0.85) ? r.int(0, Math.max(0, bytes.length - (typeof bl === 'number' && bl > 0 ? bl : 1))) : offsetFor(r, bytes.length);
      args = r.chance(0.97) ? [o, bl] : [o];
    } else {
      const fit = Math.max(0, bytes.length - width);
      args = r.weighted([[1, () => []], [8, () => [r.int(0, fit)]], [1, () => [fit + 1]], [2, () => [offsetFor(r, bytes.length)]], [1, () => [undefined]]])();
    }
    return { bytes, method, args };
  }],

  'buffer.writeNumber': [1300, (r) => {
    const [method, width, lo, hi] = r.pick(WRITES);
    const sz = r.weighted([[1, r.int(0, 8)], [6, (width || 6) + r.int(0, 4)]]);
    let value;
    let args;
    if (width === 0) {
      const bl = r.weighted([[8, r.int(1, 6)], [2, r.pick([0, 7, -1])], [1, r.pick([1.5, NaN, '2'])]]);
      const n = typeof bl === 'number' && bl >= 1 && bl <= 6 ? bl : 6;
      const signed = /Int(LE|BE)$/.test(method) && !/UInt|Uint/.test(method);
      value = intValue(r, signed ? -(2 ** (8 * n - 1)) : 0, signed ? 2 ** (8 * n - 1) - 1 : 2 ** (8 * n) - 1);
      const o = r.chance(0.85) ? r.int(0, Math.max(0, sz - n)) : offsetFor(r, sz);
      args = r.chance(0.97) ? [o, bl] : [o];
    } else {
      if (lo === 'float') value = floatValue(r);
      else if (typeof lo === 'bigint') value = bigValue(r, lo, hi);
      else value = intValue(r, lo, hi);
      const fit = Math.max(0, sz - width);
      args = r.weighted([[1, () => []], [8, () => [r.int(0, fit)]], [1, () => [fit + 1]], [2, () => [offsetFor(r, sz)]]])();
    }
    return { size: sz, method, value, args };
  }],

  'buffer.swap': [130, (r) => {
    const bits = r.pick([16, 32, 64]);
    const unit = bits / 8;
    const n = r.weighted([[6, unit * r.int(0, 4)], [3, r.int(0, 20)], [2, r.pick([126, 128, 130, 132, 136, 256, 127, 129])]]);
    return { bytes: randBytes(r, n), bits };
  }],

  'buffer.toJSON': [40, (r) => ({ bytes: randBytes(r, r.weighted([[1, 0], [6, r.int(1, 12)], [1, r.int(40, 60)]])) })],

  'buffer.inspect': [90, (r) => ({
    bytes: randBytes(r, r.weighted([[1, 0], [4, r.int(1, 20)], [2, r.int(45, 55)], [2, r.int(56, 300)], [1, 51]])),
  })],

  'buffer.transcode': [320, (r) => {
    const TC = ['ascii', 'latin1', 'binary', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'utf8', 'utf-8'];
    const pickEnc = () => r.weighted([[85, () => caseVariant(r, r.pick(TC))], [6, () => r.pick(['hex', 'base64', 'base64url'])],
      [5, () => r.pick(UNKNOWN)], [2, () => null], [1, () => '']])();
    const from = pickEnc();
    const to = pickEnc();
    const f = typeof from === 'string' ? from.toLowerCase() : 'utf8';
    let bytes;
    if (/^(ucs-?2|utf-?16le)$/.test(f) && r.chance(0.8)) {
      bytes = Buffer.from(randText(r), 'utf16le');
      if (r.chance(0.2)) bytes = Buffer.concat([bytes, randBytes(r, 1)]);
    } else if (/^utf-?8$/.test(f) && r.chance(0.8)) {
      bytes = r.chance(0.5) ? Buffer.from(randText(r), 'utf8') : utf8Bytes(r);
    } else {
      bytes = bytesForDecoding(r);
    }
    return r.chance(0.01) ? { bytes: null, from: 'utf8', to: 'latin1' } : { bytes, from, to };
  }],

  'buffer.pool': [60, (r) => {
    const n = r.int(1, 8);
    const sizes = [];
    for (let k = 0; k < n; k++) {
      sizes.push(r.weighted([[6, r.int(0, 64)], [3, r.int(65, 3000)], [3, r.pick([4095, 4096, 4094, 4097, 4088, 4089, 1, 7, 8, 9])],
        [1, r.int(4097, 9000)], [1, r.pick([0, -1, 2 ** 32 + 1])]]));
    }
    return { sizes };
  }],
};

function searchCase(r, forward) {
  const haystackEnc = r.pick(['utf8', 'utf16le', 'latin1']);
  let bytes = r.chance(0.5) ? utf8Bytes(r) : Buffer.from(randText(r, 8), haystackEnc);
  if (haystackEnc === 'utf16le' && r.chance(0.3)) bytes = Buffer.concat([bytes, randBytes(r, 1)]); // odd length
  const v = r.weighted([[6, 'string'], [3, 'bytes'], [3, 'number'], [1, 'other']]);
  let value;
  if (v === 'string') {
    if (bytes.length > 0 && r.chance(0.6)) {
      // a piece of the haystack, decoded in some encoding (so it is often found)
      const s = r.int(0, bytes.length - 1);
      const e = r.int(s, Math.min(bytes.length, s + 4));
      value = bytes.subarray(s, e).toString(r.pick(['utf8', 'latin1', 'hex', 'base64', 'utf16le', 'utf16le']));
    } else {
      value = r.chance(0.5) ? randText(r, 3) : '';
    }
  } else if (v === 'bytes') {
    if (bytes.length > 0 && r.chance(0.7)) {
      const s = r.int(0, bytes.length - 1);
      value = Buffer.from(bytes.subarray(s, r.int(s, Math.min(bytes.length, s + 4))));
    } else {
      value = randBytes(r, r.int(0, 3));
    }
  } else if (v === 'number') {
    value = r.weighted([[6, bytes.length ? bytes[r.int(0, bytes.length - 1)] : 0], [3, r.int(-300, 600)],
      [1, r.pick([-1, 256 + 97, 2 ** 32 + 97, -(2 ** 31), 2 ** 53])], [1, r.pick([97.5, NaN, Infinity])]]);
  } else {
    value = r.pick([null, true, undefined]);
  }
  const off = () => offsetFor(r, bytes.length);
  const enc = () => r.weighted([[8, () => caseVariant(r, r.pick(KNOWN))], [4, () => r.pick(['ucs2', 'utf16le', 'UCS-2'])],
    [1, () => r.pick(UNKNOWN)], [1, () => null]])();
  const args = r.weighted([
    [3, () => []], [3, () => [enc()]], [6, () => [off()]], [6, () => [off(), enc()]], [1, () => [enc(), off()]],
    [1, () => [undefined, enc()]],
  ])();
  return { bytes, value, args };
}

function randCompareBytes(r) {
  return randBytes(r, r.int(0, 8)).map((x) => (r.chance(0.6) ? x & 3 : x));
}

function mutate(r, a) {
  const b = Buffer.from(a);
  switch (r.int(0, 3)) {
    case 0: return b;
    case 1: if (b.length) b[r.int(0, b.length - 1)] ^= 1 << r.int(0, 7); return b;
    case 2: return b.subarray(0, r.int(0, b.length));
    default: return Buffer.concat([b, randBytes(r, r.int(1, 2))]);
  }
}

// [method, width (0 = variable)]
const READS = [];
for (const [n, w] of [['UInt8', 1], ['Uint8', 1], ['Int8', 1], ['UInt16LE', 2], ['UInt16BE', 2], ['Uint16LE', 2], ['Uint16BE', 2],
  ['Int16LE', 2], ['Int16BE', 2], ['UInt32LE', 4], ['UInt32BE', 4], ['Uint32LE', 4], ['Uint32BE', 4], ['Int32LE', 4], ['Int32BE', 4],
  ['UIntLE', 0], ['UIntBE', 0], ['UintLE', 0], ['UintBE', 0], ['IntLE', 0], ['IntBE', 0],
  ['BigUInt64LE', 8], ['BigUInt64BE', 8], ['BigUint64LE', 8], ['BigUint64BE', 8], ['BigInt64LE', 8], ['BigInt64BE', 8],
  ['FloatLE', 4], ['FloatBE', 4], ['DoubleLE', 8], ['DoubleBE', 8]]) {
  READS.push(['read' + n, w]);
}

// [method, width (0 = variable), min, max] ('float' for floating point)
const WRITES = [];
for (const [n, w, lo, hi] of [['UInt8', 1, 0, 255], ['Uint8', 1, 0, 255], ['Int8', 1, -128, 127],
  ['UInt16LE', 2, 0, 65535], ['UInt16BE', 2, 0, 65535], ['Uint16LE', 2, 0, 65535], ['Uint16BE', 2, 0, 65535],
  ['Int16LE', 2, -32768, 32767], ['Int16BE', 2, -32768, 32767],
  ['UInt32LE', 4, 0, 2 ** 32 - 1], ['UInt32BE', 4, 0, 2 ** 32 - 1], ['Uint32LE', 4, 0, 2 ** 32 - 1], ['Uint32BE', 4, 0, 2 ** 32 - 1],
  ['Int32LE', 4, -(2 ** 31), 2 ** 31 - 1], ['Int32BE', 4, -(2 ** 31), 2 ** 31 - 1],
  ['UIntLE', 0], ['UIntBE', 0], ['UintLE', 0], ['UintBE', 0], ['IntLE', 0], ['IntBE', 0],
  ['BigUInt64LE', 8, 0n, 2n ** 64n - 1n], ['BigUInt64BE', 8, 0n, 2n ** 64n - 1n],
  ['BigUint64LE', 8, 0n, 2n ** 64n - 1n], ['BigUint64BE', 8, 0n, 2n ** 64n - 1n],
  ['BigInt64LE', 8, -(2n ** 63n), 2n ** 63n - 1n], ['BigInt64BE', 8, -(2n ** 63n), 2n ** 63n - 1n],
  ['FloatLE', 4, 'float'], ['FloatBE', 4, 'float'], ['DoubleLE', 8, 'float'], ['DoubleBE', 8, 'float']]) {
  WRITES.push(['write' + n, w, lo, hi]);
}

/** Bytes that read as interesting numbers: NaNs, infinities, zeros, subnormals, extremes. */
function specialNumberBytes(r) {
  const b = Buffer.alloc(r.pick([4, 8, 9, 12]));
  for (let k = 0; k + 4 <= b.length; k += 4) {
    b.writeUInt32BE(r.pick([0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffffffff, 0x7ff00000, 0xfff80000,
      0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x3f800000, 0x7fffffff, 0x80000001, r.int(0, 2 ** 32 - 1)]), k);
  }
  return b;
}

function intValue(r, lo, hi) {
  return r.weighted([
    [24, () => lo + Math.floor(r.next() * (hi - lo + 1))],
    [4, () => r.pick([lo, hi, lo - 1, hi + 1, 0, -1, 1])],
    [2, () => r.pick([lo + 0.5, hi + 0.5, hi + 0.25, lo - 0.5, -0.5, 0.5, 1.999, -0])],
    [2, () => r.pick([NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 2 ** 64, 1e21, -1e300, 5e-324, 2 ** 32, 2 ** 48, 2 ** 47])],
  ])();
}

function floatValue(r) {
  return r.weighted([
    [6, () => (r.next() - 0.5) * 10 ** r.int(-40, 40)],
    [2, () => r.int(-1000, 1000)],
    [4, () => r.pick([0, -0, NaN, Infinity, -Infinity, 1 / 3, 0.1, 3.4028234663852886e38, 3.4028235677973366e38, 3.5e38, 1e39,
      1.401298464324817e-45, 7e-46, 1e-46, 1.1754943508222875e-38, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE,
      16777217, 2 ** 53 + 1, 1.0000001192092896, 65504])],
  ])();
}

function bigValue(r, lo, hi) {
  return r.weighted([
    [8, () => lo + BigInt(Math.floor(r.next() * 2 ** 32)) * BigInt(Math.floor(r.next() * 2 ** 32)) % (hi - lo + 1n)],
    [4, () => r.pick([lo, hi, lo - 1n, hi + 1n, 0n, -1n, 1n, 2n ** 64n, -(2n ** 64n), 2n ** 63n, 2n ** 100n])],
    [1, () => r.pick([null, 5, 1.5])],
  ])();
}

// ================================================================================================
// Classic cases: [probe, note, input]
// ================================================================================================

const H = (hex) => Buffer.from(hex.replace(/ /g, ''), 'hex');
const classic = [];
const C = (probe, note, input) => classic.push(['buffer.' + probe, note, input]);

// --- from / toString: UTF-16 to UTF-8 and back
C('from', 'ASCII text', { value: 'hello' });
C('from', 'every UTF-8 width: é € 😀', { value: 'é€😀' });
C('from', 'a lone high surrogate becomes EF BF BD', { value: 'a\ud800b' });
C('from', 'a lone low surrogate becomes EF BF BD', { value: 'a\udc00b' });
C('from', 'a high surrogate at the end', { value: 'ab\udbff' });
C('from', 'reversed surrogate pair: two replacement characters', { value: '\udc00\ud800' });
C('from', 'two high surrogates then a low: one replacement, one pair', { value: '\ud800\ud800\udc00' });
C('from', 'NUL, C0, DEL, C1 controls', { value: '\u0000\u0001\u001f\u007f\u0080\u009f' });
C('from', 'BOM is kept', { value: '\ufeffx' });
C('from', 'U+10FFFF and U+FFFF', { value: '\udbff\udfff\uffff' });
C('from', 'empty string', { value: '' });
C('from', 'empty string with an unknown encoding still throws', { value: '', encoding: 'nope' });
C('from', 'null encoding is utf8', { value: 'é', encoding: null });
C('from', 'empty encoding is utf8', { value: 'é', encoding: '' });
C('from', 'undefined encoding is utf8', { value: 'é', encoding: undefined });
C('from', 'unknown encoding', { value: 'abc', encoding: 'utf16' });
C('from', 'encoding names: upper case', { value: 'abc', encoding: 'UTF-8' });
C('from', 'encoding names: mixed case', { value: 'abc', encoding: 'uTf16Le' });
C('from', 'encoding names: UCS-2', { value: 'abc', encoding: 'UCS-2' });
C('from', 'encoding names: BINARY', { value: '\u00e9\u0100', encoding: 'BINARY' });
C('from', 'encoding names: dotted capital I does not fold to i', { value: 'abc', encoding: 'B\u0130NARY' });
C('from', 'encoding names: trailing space', { value: 'abc', encoding: 'hex ' });
C('from', 'latin1 keeps the low byte of each unit', { value: '\u00ff\u0100\u0141\ud83d', encoding: 'latin1' });
C('from', 'ascii writes like latin1', { value: '\u00e9\u20ac', encoding: 'ascii' });
C('from', 'utf16le keeps lone surrogates', { value: '\ud800x\udfff', encoding: 'utf16le' });
C('from', 'hex: odd length drops the last digit', { value: 'abc', encoding: 'hex' });
C('from', 'hex: stops at the first invalid pair', { value: 'aabbzzcc', encoding: 'hex' });
C('from', 'hex: invalid second digit', { value: 'a1bg', encoding: 'hex' });
C('from', 'hex: mixed case', { value: 'DeAdBeEf', encoding: 'hex' });
C('from', 'hex: 0x prefix is invalid', { value: '0xff', encoding: 'hex' });
C('from', 'hex: only invalid', { value: 'zz', encoding: 'hex' });
C('from', 'base64: padded', { value: 'aGVsbG8=', encoding: 'base64' });
C('from', 'base64: unpadded', { value: 'aGVsbG8', encoding: 'base64' });
C('from', 'base64: url alphabet accepted', { value: '-_-_', encoding: 'base64' });
C('from', 'base64url: standard alphabet accepted', { value: '+/+/', encoding: 'base64url' });
C('from', 'base64: whitespace skipped', { value: 'aGVs\nbG8g\r\nd29y bGQ=', encoding: 'base64' });
C('from', 'base64: garbage characters', { value: 'aGV*sbG8', encoding: 'base64' });
C('from', 'base64: data after padding', { value: 'aGk=aGk=', encoding: 'base64' });
C('from', 'base64: a single character', { value: 'Q', encoding: 'base64' });
C('from', 'base64: five characters', { value: 'QUJDR', encoding: 'base64' });
C('from', 'base64: only padding', { value: '====', encoding: 'base64' });
C('from', 'base64: non-ASCII garbage', { value: 'QU\u00e9JD', encoding: 'base64' });
C('from', 'base64url: padding allowed', { value: 'aGk=', encoding: 'base64url' });
C('from', 'array of integers: & 255', { value: [0, 255, 256, -1, 1000, -129] });
C('from', 'array of other numbers: ToUint8', { value: [1.5, -1.5, NaN, Infinity, 2 ** 32 + 1, 1e21, -0, 255.9] });
C('from', 'array of small integers', { value: [1, 2, 3] });
C('from', 'bytes are copied', { value: H('00ff10') });
C('from', 'null value', { value: null });
C('toString', 'no arguments: utf8', { bytes: H('68c3a9') });
C('toString', 'overlong 2-byte: two replacements', { bytes: H('c080') });
C('toString', 'overlong 3-byte', { bytes: H('e08080') });
C('toString', 'overlong 4-byte', { bytes: H('f0808080') });
C('toString', 'truncated 2-byte at end', { bytes: H('41c3') });
C('toString', 'truncated 3-byte then ASCII', { bytes: H('e28241') });
C('toString', 'truncated 4-byte at end', { bytes: H('f09f98') });
C('toString', 'surrogate encoded in UTF-8 (CESU)', { bytes: H('eda0bdedb880') });
C('toString', 'above U+10FFFF', { bytes: H('f4908080') });
C('toString', 'F5..FF lead bytes', { bytes: H('f5f6f7f8f9fafbfcfdfeff') });
C('toString', 'stray continuation bytes', { bytes: H('808182bf') });
C('toString', 'BOM is kept', { bytes: H('efbbbf41') });
C('toString', 'U+FFFD itself', { bytes: H('efbfbd') });
C('toString', 'ascii clears the high bit', { bytes: H('41c3e9ff80'), encoding: 'ascii' });
C('toString', 'latin1 maps bytes to U+0000..U+00FF', { bytes: H('00417f80ff'), encoding: 'latin1' });
C('toString', 'utf16le drops an odd last byte', { bytes: H('410042'), encoding: 'utf16le' });
C('toString', 'utf16le lone surrogates come back', { bytes: H('00d8410000dc'), encoding: 'ucs2' });
C('toString', 'base64 is padded', { bytes: H('6869'), encoding: 'base64' });
C('toString', 'base64url is not padded', { bytes: H('fbff'), encoding: 'base64url' });
C('toString', 'hex is lower case', { bytes: H('abcdef'), encoding: 'HEX' });
C('toString', 'null encoding throws', { bytes: H('41'), encoding: null });
C('toString', 'null encoding on an empty buffer', { bytes: H(''), encoding: null });
C('toString', 'unknown encoding throws', { bytes: H('41'), encoding: 'utf32' });
C('toString', 'empty encoding throws', { bytes: H('41'), encoding: '' });
C('toString', 'unknown encoding with an empty range is not checked', { bytes: H('4142'), encoding: 'nope', start: 1, end: 1 });
C('toString', 'start and end', { bytes: H('41424344'), encoding: 'utf8', start: 1, end: 3 });
C('toString', 'negative start is 0', { bytes: H('41424344'), encoding: 'utf8', start: -5 });
C('toString', 'start past the end', { bytes: H('41424344'), encoding: 'utf8', start: 9 });
C('toString', 'end past the end', { bytes: H('41424344'), encoding: 'utf8', start: 0, end: 2 ** 53 });
C('toString', 'end before start', { bytes: H('41424344'), encoding: 'utf8', start: 3, end: 1 });
C('toString', 'negative end', { bytes: H('41424344'), encoding: 'utf8', start: 0, end: -1 });
C('toString', 'a range that cuts a character', { bytes: H('e282ac'), encoding: 'utf8', start: 1 });
C('byteLength', 'utf8 of a surrogate pair', { string: '😀' });
C('byteLength', 'utf8 of a lone surrogate is 3', { string: '\ud800' });
C('byteLength', 'base64 estimate ignores garbage', { string: 'a b c', encoding: 'base64' });
C('byteLength', 'base64 padding', { string: 'aGk=', encoding: 'base64' });
C('byteLength', 'base64url padding', { string: 'aGk==', encoding: 'base64url' });
C('byteLength', 'hex of odd length', { string: 'abc', encoding: 'hex' });
C('byteLength', 'unknown encoding counts utf8', { string: 'é', encoding: 'nope' });
C('byteLength', 'ucs2', { string: 'é😀', encoding: 'ucs2' });
C('byteLength', 'latin1', { string: 'é😀', encoding: 'latin1' });
C('byteLength', 'empty string', { string: '', encoding: 'hex' });
C('byteLength', 'bytes', { string: H('010203') });
C('byteLength', 'null', { string: null });
for (const e of ['utf8', 'UTF-8', 'ucs2', 'Ucs-2', 'utf16le', 'UTF-16LE', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex',
  'utf16', 'raw', '', null, 'B\u0130NARY', 'utf-16be']) {
  C('isEncoding', 'isEncoding ' + JSON.stringify(e), { encoding: e });
}

// --- write
C('write', 'whole string fits', { size: 8, string: 'abc', args: [] });
C('write', 'partial character is not written (utf8)', { size: 4, string: 'ab€', args: [] });
C('write', 'partial character is not written (utf16le)', { size: 5, string: 'abc', args: ['utf16le'] });
C('write', 'surrogate pair needs 4 bytes', { size: 3, string: '😀', args: [] });
C('write', 'encoding as 2nd argument', { size: 4, string: 'ffee', args: ['hex'] });
C('write', 'offset', { size: 4, string: 'ab', args: [3] });
C('write', 'offset = length writes nothing', { size: 4, string: 'ab', args: [4] });
C('write', 'offset past the end', { size: 4, string: 'ab', args: [5] });
C('write', 'negative offset', { size: 4, string: 'ab', args: [-1] });
C('write', 'offset 2^53', { size: 4, string: 'ab', args: [2 ** 53] });
C('write', 'length limits', { size: 8, string: 'abcdef', args: [1, 2] });
C('write', 'length past the end', { size: 8, string: 'abcdef', args: [1, 9] });
C('write', 'negative length', { size: 8, string: 'abcdef', args: [1, -1] });
C('write', 'offset, length, encoding', { size: 8, string: 'aabbccdd', args: [1, 2, 'hex'] });
C('write', 'offset, encoding', { size: 8, string: 'aGk=', args: [1, 'base64'] });
C('write', 'null offset', { size: 4, string: 'ab', args: [null] });
C('write', 'null length', { size: 4, string: 'ab', args: [0, null] });
C('write', 'null encoding is utf8', { size: 4, string: 'é', args: [0, 4, null] });
C('write', 'unknown encoding', { size: 4, string: 'ab', args: ['nope'] });
C('write', 'unknown encoding after offset and length', { size: 4, string: 'ab', args: [0, 2, 'nope'] });
C('write', 'hex stops at invalid', { size: 4, string: 'aazz', args: ['hex'] });
C('write', 'empty buffer', { size: 0, string: 'ab', args: [] });
C('write', 'lone surrogate in utf8', { size: 6, string: '\ud800a', args: [] });
C('write', 'null string', { size: 4, string: null, args: [] });

// --- fill / alloc
C('fill', 'number', { size: 4, value: 97, args: [] });
C('fill', 'number is ToUint8: 257.9', { size: 3, value: 257.9, args: [] });
C('fill', 'negative number', { size: 3, value: -1, args: [] });
C('fill', 'NaN fills 0', { size: 3, value: NaN, args: [] });
C('fill', 'string repeated', { size: 7, value: 'abc', args: [] });
C('fill', 'multi-byte character cut at the end', { size: 5, value: '€', args: [] });
C('fill', 'empty string fills zeros', { size: 3, value: '', args: [] });
C('fill', 'hex', { size: 5, value: 'a1b2', args: ['hex'] });
C('fill', 'invalid hex throws', { size: 5, value: 'zz', args: ['hex'] });
C('fill', 'invalid hex with controls in the message', { size: 5, value: '\u000b\u00ad\u2028zz', args: ['hex'] });
C('fill', 'partly valid hex', { size: 5, value: 'a1zz', args: ['hex'] });
C('fill', 'long invalid value is cut in the message', { size: 5, value: 'z'.repeat(200), args: ['hex'] });
C('fill', 'offset and end', { size: 6, value: 'x', args: [1, 4] });
C('fill', 'offset >= end fills nothing', { size: 6, value: 'x', args: [4, 1] });
C('fill', 'offset past the end (allowed up to 2^32)', { size: 6, value: 'x', args: [10] });
C('fill', 'offset 2^32 + 1', { size: 6, value: 'x', args: [2 ** 32 + 1] });
C('fill', 'end past the end', { size: 6, value: 'x', args: [0, 7] });
C('fill', 'negative offset', { size: 6, value: 'x', args: [-1] });
C('fill', 'unknown encoding', { size: 6, value: 'x', args: [0, 6, 'nope'] });
C('fill', 'null offset', { size: 6, value: 'x', args: [null] });
C('fill', 'null end', { size: 6, value: 'x', args: [1, null] });
C('fill', 'bytes repeated', { size: 7, value: H('0102'), args: [] });
C('fill', 'empty bytes throws', { size: 3, value: H(''), args: [] });
C('fill', 'empty bytes with an empty range', { size: 3, value: H(''), args: [2, 1] });
C('fill', 'ucs2', { size: 7, value: 'ab', args: ['ucs2'] });
C('fill', 'base64', { size: 7, value: 'AQI=', args: ['base64'] });
C('fill', 'latin1 single character', { size: 3, value: '\u0141', args: ['latin1'] });
C('alloc', 'zeroed', { size: 4 });
C('alloc', 'size 0', { size: 0 });
C('alloc', 'negative size', { size: -1 });
C('alloc', 'size above kMaxLength', { size: 2 ** 32 + 1 });
C('alloc', 'number fill', { size: 3, fill: 300 });
C('alloc', 'fill 0', { size: 3, fill: 0 });
C('alloc', 'string fill', { size: 5, fill: 'ab' });
C('alloc', 'string fill with encoding', { size: 5, fill: 'YWI=', encoding: 'base64' });
C('alloc', 'invalid hex fill', { size: 5, fill: 'zz', encoding: 'hex' });
C('alloc', 'invalid hex fill, size 0', { size: 0, fill: 'zz', encoding: 'hex' });
C('alloc', 'unknown encoding', { size: 2, fill: 'a', encoding: 'nope' });
C('alloc', 'null encoding', { size: 2, fill: 'a', encoding: null });
C('alloc', 'empty encoding', { size: 2, fill: 'a', encoding: '' });
C('alloc', 'bytes fill', { size: 5, fill: H('0102') });
C('alloc', 'empty bytes fill', { size: 5, fill: H('') });
C('alloc', 'empty string fill', { size: 3, fill: '' });

// --- searching
const HELLO = Buffer.from('hello world, hello');
C('indexOf', 'string', { bytes: HELLO, value: 'hello', args: [] });
C('indexOf', 'string from an offset', { bytes: HELLO, value: 'hello', args: [1] });
C('indexOf', 'negative offset counts from the end', { bytes: HELLO, value: 'hello', args: [-5] });
C('indexOf', 'offset far below -length', { bytes: HELLO, value: 'hello', args: [-100] });
C('indexOf', 'offset past the end', { bytes: HELLO, value: 'o', args: [100] });
C('indexOf', 'empty string at an offset past the end', { bytes: HELLO, value: '', args: [100] });
C('indexOf', 'empty string', { bytes: HELLO, value: '', args: [] });
C('indexOf', 'empty string in an empty buffer', { bytes: H(''), value: '', args: [] });
C('indexOf', 'number', { bytes: HELLO, value: 111, args: [] });
C('indexOf', 'number & 255', { bytes: HELLO, value: 256 + 111, args: [] });
C('indexOf', 'negative number', { bytes: H('00ff'), value: -1, args: [] });
C('indexOf', 'bytes', { bytes: HELLO, value: Buffer.from('world'), args: [] });
C('indexOf', 'empty bytes', { bytes: HELLO, value: H(''), args: [3] });
C('indexOf', 'hex needle', { bytes: HELLO, value: '6c6c', args: ['hex'] });
C('indexOf', 'hex needle with offset', { bytes: HELLO, value: '6c6c', args: [5, 'hex'] });
C('indexOf', 'invalid hex needle is empty', { bytes: HELLO, value: 'zz', args: ['hex'] });
C('indexOf', 'base64 needle', { bytes: HELLO, value: 'd29y', args: ['base64'] });
C('indexOf', 'ucs2 needle in a ucs2 buffer', { bytes: Buffer.from('abcabc', 'ucs2'), value: 'ca', args: ['ucs2'] });
C('indexOf', 'ucs2 needle at an odd offset is not found', { bytes: H('0061006100'), value: 'a', args: ['ucs2'] });
C('indexOf', 'ucs2 bytes needle in an odd-length buffer', { bytes: H('6100620063'), value: H('7a00'), args: [0, 'ucs2'] });
C('indexOf', 'unknown encoding', { bytes: HELLO, value: 'h', args: ['nope'] });
C('indexOf', 'null encoding with an offset', { bytes: HELLO, value: 'h', args: [0, null] });
C('indexOf', 'null byteOffset is 0', { bytes: HELLO, value: 'h', args: [null] });
C('indexOf', 'byteOffset above int32 is clamped', { bytes: HELLO, value: 'h', args: [2 ** 32] });
C('indexOf', 'null value', { bytes: HELLO, value: null, args: [] });
C('indexOf', 'a lone surrogate needle does not match EF BF BD', { bytes: H('61efbfbd'), value: '\ud800', args: [] });
C('indexOf', 'a lone surrogate needle is searched as ED A0 80 (V8\'s Utf8Value)', { bytes: H('61eda080'), value: '\ud800', args: [] });
C('lastIndexOf', 'a reversed surrogate pair needle is two 3-byte sequences', { bytes: H('edb080eda080'), value: '\udc00\ud800', args: [] });
C('indexOf', 'ucs2 string search rounds an odd haystack down to whole units', { bytes: H('6100620063'), value: '', args: [9, 'ucs2'] });
C('lastIndexOf', 'ucs2 string search: negative offset from the rounded length', { bytes: H('6100620063'), value: '', args: [-1, 'ucs2'] });
C('lastIndexOf', 'string', { bytes: HELLO, value: 'hello', args: [] });
C('lastIndexOf', 'string before an offset', { bytes: HELLO, value: 'hello', args: [12] });
C('lastIndexOf', 'negative offset', { bytes: HELLO, value: 'o', args: [-3] });
C('lastIndexOf', 'offset below -length', { bytes: HELLO, value: 'h', args: [-100] });
C('lastIndexOf', 'empty string below -length', { bytes: HELLO, value: '', args: [-100] });
C('lastIndexOf', 'empty string', { bytes: HELLO, value: '', args: [] });
C('lastIndexOf', 'null byteOffset is 0 (string)', { bytes: HELLO, value: 'h', args: [null] });
C('lastIndexOf', 'null byteOffset is 0 (bytes)', { bytes: HELLO, value: Buffer.from('h'), args: [null] });
C('lastIndexOf', 'null byteOffset is 0 (number)', { bytes: HELLO, value: 104, args: [null] });
C('lastIndexOf', 'number', { bytes: HELLO, value: 111, args: [] });
C('lastIndexOf', 'bytes', { bytes: HELLO, value: Buffer.from('ll'), args: [] });
C('lastIndexOf', 'ucs2', { bytes: Buffer.from('abcabc', 'ucs2'), value: 'b', args: ['ucs2'] });
C('lastIndexOf', 'ucs2 bytes needle in an odd-length buffer', { bytes: H('6100620063'), value: H('7a00'), args: [4, 'ucs2'] });
C('includes', 'string', { bytes: HELLO, value: 'world', args: [] });
C('includes', 'missing', { bytes: HELLO, value: 'xyz', args: [] });
C('includes', 'number with offset', { bytes: HELLO, value: 104, args: [1] });

// --- compare, equals, concat, slice, copy
C('compare', 'equal', { a: H('0102'), b: H('0102'), args: [] });
C('compare', 'shorter first', { a: H('01'), b: H('0102'), args: [] });
C('compare', 'unsigned bytes', { a: H('80'), b: H('7f'), args: [] });
C('compare', 'ranges', { a: H('010203'), b: H('0203'), args: [0, 2, 1, 3] });
C('compare', 'empty source range, non-empty target range', { a: H('01'), b: H('01'), args: [0, 1, 1, 1] });
C('compare', 'empty target range', { a: H('01'), b: H('01'), args: [1, 1, 0, 1] });
C('compare', 'both empty', { a: H('01'), b: H('01'), args: [1, 1, 1, 1] });
C('compare', 'targetEnd past the end', { a: H('01'), b: H('01'), args: [0, 2] });
C('compare', 'targetStart past the end is allowed', { a: H('01'), b: H('01'), args: [5] });
C('compare', 'negative sourceStart', { a: H('01'), b: H('01'), args: [0, 1, -1] });
C('compare', 'sourceEnd past the end', { a: H('01'), b: H('01'), args: [0, 1, 0, 2] });
C('compare', 'null target', { a: H('01'), b: null, args: [] });
C('equals', 'equal', { a: H('0102'), b: H('0102') });
C('equals', 'different', { a: H('0102'), b: H('0103') });
C('equals', 'prefix', { a: H('01'), b: H('0102') });
C('equals', 'empty', { a: H(''), b: H('') });
C('concat', 'two buffers', { list: [H('01'), H('0203')] });
C('concat', 'empty list', { list: [] });
C('concat', 'totalLength truncates', { list: [H('0102'), H('0304')], totalLength: 3 });
C('concat', 'totalLength pads with zeros', { list: [H('01')], totalLength: 4 });
C('concat', 'totalLength 0', { list: [H('01')], totalLength: 0 });
C('concat', 'negative totalLength', { list: [H('01')], totalLength: -1 });
C('concat', 'totalLength above kMaxLength', { list: [H('01')], totalLength: 2 ** 32 + 1 });
C('concat', 'null in the list', { list: [H('01'), null] });
C('concat', 'null in the list with a totalLength', { list: [H('01'), null], totalLength: 1 });
C('concat', 'null list', { list: null });
C('slice', 'no arguments', { bytes: H('010203'), args: [] });
C('slice', 'negative start', { bytes: H('010203'), args: [-2] });
C('slice', 'end before start', { bytes: H('010203'), args: [2, 1] });
C('slice', 'huge end', { bytes: H('010203'), args: [1, 2 ** 53] });
C('slice', 'huge negative start', { bytes: H('010203'), args: [-(2 ** 53)] });
C('copy', 'whole', { source: H('010203'), target: H('00000000'), args: [] });
C('copy', 'target too small', { source: H('010203'), target: H('0000'), args: [] });
C('copy', 'targetStart', { source: H('010203'), target: H('00000000'), args: [2] });
C('copy', 'targetStart past the end copies nothing', { source: H('010203'), target: H('0000'), args: [5] });
C('copy', 'negative targetStart', { source: H('01'), target: H('00'), args: [-1] });
C('copy', 'sourceStart past the end', { source: H('01'), target: H('00'), args: [0, 2] });
C('copy', 'sourceEnd past the end is clamped', { source: H('0102'), target: H('000000'), args: [0, 0, 10] });
C('copy', 'negative sourceEnd', { source: H('01'), target: H('00'), args: [0, 0, -1] });
C('copy', 'targetStart 2^53 - 1', { source: H('01'), target: H('00'), args: [2 ** 53 - 1] });
C('copy', 'targetStart 2^53', { source: H('01'), target: H('00'), args: [2 ** 53] });
C('copy', 'null target', { source: H('01'), target: null, args: [] });

// --- numbers
C('read', 'readUInt8 default offset', { bytes: H('ff'), method: 'readUInt8', args: [] });
C('read', 'readInt8', { bytes: H('80'), method: 'readInt8', args: [0] });
C('read', 'readUInt8 offset = length', { bytes: H('ff'), method: 'readUInt8', args: [1] });
C('read', 'readUInt8 on an empty buffer', { bytes: H(''), method: 'readUInt8', args: [0] });
C('read', 'readUInt16LE too short', { bytes: H('ff'), method: 'readUInt16LE', args: [0] });
C('read', 'readUInt32BE', { bytes: H('ffffffff'), method: 'readUInt32BE', args: [0] });
C('read', 'readInt32LE', { bytes: H('ffffff80'), method: 'readInt32LE', args: [0] });
C('read', 'readUIntBE 6 bytes', { bytes: H('ffffffffffff'), method: 'readUIntBE', args: [0, 6] });
C('read', 'readIntLE 6 bytes negative', { bytes: H('ffffffffff80'), method: 'readIntLE', args: [0, 6] });
C('read', 'readIntBE 3 bytes', { bytes: H('800000'), method: 'readIntBE', args: [0, 3] });
C('read', 'readUIntLE byteLength 0', { bytes: H('ff'), method: 'readUIntLE', args: [0, 0] });
C('read', 'readUIntLE byteLength 7', { bytes: H('ffffffffffffffff'), method: 'readUIntLE', args: [0, 7] });
C('read', 'readUIntLE offset out of range', { bytes: H('ffff'), method: 'readUIntLE', args: [1, 2] });
C('read', 'readBigUInt64LE', { bytes: H('ffffffffffffffff'), method: 'readBigUInt64LE', args: [] });
C('read', 'readBigInt64BE', { bytes: H('8000000000000000'), method: 'readBigInt64BE', args: [0] });
C('read', 'readBigInt64LE too short', { bytes: H('00000000000000'), method: 'readBigInt64LE', args: [0] });
C('read', 'readFloatBE NaN', { bytes: H('7fc00000'), method: 'readFloatBE', args: [] });
C('read', 'readFloatLE -0', { bytes: H('00000080'), method: 'readFloatLE', args: [] });
C('read', 'readDoubleBE subnormal', { bytes: H('0000000000000001'), method: 'readDoubleBE', args: [] });
C('read', 'readDoubleLE -Infinity', { bytes: H('000000000000f0ff'), method: 'readDoubleLE', args: [] });
C('read', 'readUint16BE alias', { bytes: H('0102'), method: 'readUint16BE', args: [0] });
C('read', 'offset 2^53', { bytes: H('0102'), method: 'readUInt8', args: [2 ** 53] });
C('read', 'offset 2^32 + 1', { bytes: H('0102'), method: 'readUInt16LE', args: [2 ** 32 + 1] });
C('read', 'negative offset', { bytes: H('0102'), method: 'readInt16BE', args: [-1] });
C('writeNumber', 'writeUInt8 returns offset + 1', { size: 2, method: 'writeUInt8', value: 255, args: [1] });
C('writeNumber', 'writeUInt8 256 is out of range', { size: 2, method: 'writeUInt8', value: 256, args: [0] });
C('writeNumber', 'writeInt8 -129', { size: 2, method: 'writeInt8', value: -129, args: [0] });
C('writeNumber', 'writeUInt8 fraction truncated', { size: 1, method: 'writeUInt8', value: 255.9, args: [] });
C('writeNumber', 'writeUInt8 NaN writes 0', { size: 1, method: 'writeUInt8', value: NaN, args: [] });
C('writeNumber', 'writeUInt16LE', { size: 2, method: 'writeUInt16LE', value: 0x1234, args: [] });
C('writeNumber', 'writeInt32BE min', { size: 4, method: 'writeInt32BE', value: -(2 ** 31), args: [0] });
C('writeNumber', 'writeUInt32LE 2^32 out of range', { size: 4, method: 'writeUInt32LE', value: 2 ** 32, args: [0] });
C('writeNumber', 'writeUIntBE 6 bytes max', { size: 6, method: 'writeUIntBE', value: 2 ** 48 - 1, args: [0, 6] });
C('writeNumber', 'writeUIntBE 6 bytes 2^48', { size: 6, method: 'writeUIntBE', value: 2 ** 48, args: [0, 6] });
C('writeNumber', 'writeIntLE 5 bytes min - 1', { size: 6, method: 'writeIntLE', value: -(2 ** 39) - 1, args: [0, 5] });
C('writeNumber', 'writeIntLE 6 bytes negative fraction', { size: 6, method: 'writeIntLE', value: -1.5, args: [0, 6] });
C('writeNumber', 'writeUIntLE byteLength 0', { size: 6, method: 'writeUIntLE', value: 1, args: [0, 0] });
C('writeNumber', 'writeUIntLE byteLength 7', { size: 8, method: 'writeUIntLE', value: 1, args: [0, 7] });
C('writeNumber', 'writeUIntLE value checked before offset', { size: 2, method: 'writeUIntLE', value: 2 ** 40, args: [5, 2] });
C('writeNumber', 'writeBigInt64LE', { size: 8, method: 'writeBigInt64LE', value: -1n, args: [] });
C('writeNumber', 'writeBigInt64BE 2^63', { size: 8, method: 'writeBigInt64BE', value: 2n ** 63n, args: [0] });
C('writeNumber', 'writeBigUInt64LE -1', { size: 8, method: 'writeBigUInt64LE', value: -1n, args: [0] });
C('writeNumber', 'writeBigUInt64BE 2^64', { size: 8, method: 'writeBigUInt64BE', value: 2n ** 64n, args: [0] });
C('writeNumber', 'writeBigUint64LE alias', { size: 9, method: 'writeBigUint64LE', value: 2n ** 64n - 1n, args: [1] });
C('writeNumber', 'writeBigInt64LE null', { size: 8, method: 'writeBigInt64LE', value: null, args: [0] });
C('writeNumber', 'writeBigInt64LE null, offset out of range', { size: 8, method: 'writeBigInt64LE', value: null, args: [1] });
C('writeNumber', 'writeFloatLE rounds', { size: 4, method: 'writeFloatLE', value: 0.1, args: [] });
C('writeNumber', 'writeFloatBE overflow to Infinity', { size: 4, method: 'writeFloatBE', value: 1e39, args: [] });
C('writeNumber', 'writeFloatBE NaN', { size: 4, method: 'writeFloatBE', value: NaN, args: [] });
C('writeNumber', 'writeDoubleLE -0', { size: 8, method: 'writeDoubleLE', value: -0, args: [] });
C('writeNumber', 'writeDoubleBE offset past the end', { size: 8, method: 'writeDoubleBE', value: 1, args: [1] });
C('writeNumber', 'writeDoubleBE buffer too small', { size: 7, method: 'writeDoubleBE', value: 1, args: [0] });
C('writeNumber', 'offset 2^53', { size: 4, method: 'writeUInt8', value: 1, args: [2 ** 53] });

// --- swap, toJSON, inspect, transcode, pool
for (const bits of [16, 32, 64]) {
  C('swap', 'swap' + bits + ' good length', { bytes: randBytes(rng(bits), bits / 4), bits });
  C('swap', 'swap' + bits + ' bad length', { bytes: randBytes(rng(bits + 1), bits / 8 + 1), bits });
  C('swap', 'swap' + bits + ' empty', { bytes: H(''), bits });
  C('swap', 'swap' + bits + ' long (native path)', { bytes: randBytes(rng(bits + 2), 256), bits });
}
C('toJSON', 'bytes', { bytes: H('00ff10') });
C('toJSON', 'empty', { bytes: H('') });
C('inspect', 'short', { bytes: H('68656c6c6f') });
C('inspect', 'empty', { bytes: H('') });
C('inspect', '50 bytes: no tail', { bytes: randBytes(rng(50), 50) });
C('inspect', '51 bytes: "1 more byte"', { bytes: randBytes(rng(51), 51) });
C('inspect', '52 bytes: "2 more bytes"', { bytes: randBytes(rng(52), 52) });
C('transcode', 'utf8 to ucs2', { bytes: Buffer.from('h\u00e9\u20ac\ud83d\ude00'), from: 'utf8', to: 'ucs2' });
C('transcode', 'utf8 to latin1: unmappable as ?', { bytes: Buffer.from('h\u00e9\u20ac'), from: 'utf8', to: 'latin1' });
C('transcode', 'utf8 to ascii', { bytes: Buffer.from('h\u00e9\u20ac'), from: 'utf8', to: 'ascii' });
C('transcode', 'ucs2 to utf8 with a lone surrogate', { bytes: Buffer.from('a\ud800b', 'ucs2'), from: 'ucs2', to: 'utf8' });
C('transcode', 'latin1 to utf8', { bytes: H('41e9ff'), from: 'latin1', to: 'utf8' });
C('transcode', 'invalid utf8 to ucs2', { bytes: H('41c0ffe282'), from: 'utf8', to: 'ucs2' });
C('transcode', 'to hex is not supported', { bytes: H('41'), from: 'utf8', to: 'hex' });
C('transcode', 'unknown encoding', { bytes: H('41'), from: 'utf32', to: 'utf8' });
C('transcode', 'null encoding is utf8', { bytes: Buffer.from('\u00e9'), from: null, to: 'latin1' });
C('transcode', 'empty encoding is utf8', { bytes: H('c3a9'), from: '', to: 'latin1' });
C('transcode', 'names are read up to the first NUL', { bytes: H('e9'), from: 'latin1\u0000x', to: 'utf-8\u0000' });
C('transcode', 'a name starting with NUL is unknown', { bytes: H('e9'), from: '\u0000latin1', to: 'utf8' });
C('transcode', 'empty input', { bytes: H(''), from: 'nope', to: 'nope' });
C('transcode', 'null source', { bytes: null, from: 'utf8', to: 'latin1' });
C('pool', 'small buffers share a slab, offsets aligned to 8', { sizes: [1, 5, 13, 3] });
C('pool', '4095 is pooled, 4096 is not', { sizes: [4095, 4096, 1] });
C('pool', 'a request that does not fit starts a new slab', { sizes: [3000, 3000, 3000] });
C('pool', 'size 0 is its own empty store', { sizes: [0, 1] });
C('pool', 'negative size throws', { sizes: [-1] });

// ================================================================================================
// Main
// ================================================================================================

function main() {
  const perProbe = {};
  const classicCases = [];
  const classicCount = {};
  for (const [probe, note, input] of classic) {
    const c = makeCase(probe, input, note);
    if (!c) throw new Error('classic case not expressible in Java: ' + note);
    classicCount[probe] = (classicCount[probe] || 0) + 1;
    c.id = `buffer/${short(probe)}/c${pad(classicCount[probe], 3)}`;
    classicCases.push(c);
    perProbe[probe] = (perProbe[probe] || 0) + 1;
  }
  writeCases('buffer', 'classic.jsonl', classicCases);

  let seed = 0x5eedb000;
  let total = 0;
  for (const [probe, [count, gen]] of Object.entries(RANDOM)) {
    const r = rng(seed++);
    const cases = [];
    while (cases.length < count) {
      const c = makeCase(probe, gen(r));
      if (!c) continue;
      c.id = `buffer/${short(probe)}/${pad(cases.length + 1)}`;
      cases.push(c);
    }
    writeCases('buffer', `random-${short(probe)}.jsonl`, cases);
    perProbe[probe] = (perProbe[probe] || 0) + cases.length;
    total += cases.length;
  }
  const leftOutFile = process.argv.slice(2).find((a) => a.startsWith('--left-out='));
  if (leftOutFile) {
    const target = leftOutFile.slice('--left-out='.length);
    require('fs').writeFileSync(target, leftOut.map((c) => JSON.stringify(c)).join('\n') + '\n');
    process.stdout.write(`wrote ${leftOut.length} left-out cases to ${target}\n`);
  }
  process.stdout.write(`${classicCases.length} classic and ${total} random cases\n`);
  for (const p of Object.keys(perProbe)) {
    process.stdout.write(`  ${p}: ${perProbe[p]}` + (left[p] ? ` (${left[p]} drawn and left out: no Java expression)` : '') + '\n');
  }
}

main();
