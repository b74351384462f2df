'use strict';
// Shared helpers for the conformance case generators: a seeded PRNG, the value encoding of
// shared/CONFORMANCE.md, and a deterministic JSON Lines writer. Plain Node, no dependencies.

const fs = require('fs');
const path = require('path');

const CASES_DIR = path.join(__dirname, '..', 'src', 'test', 'resources', 'cases');

/**
 * mulberry32: a 32-bit seeded PRNG. Small, fast and fully determined by its seed, which is all a
 * case generator needs (the same seed must give the same cases on every machine and Node version).
 */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** picks from [[weight, value], ...] */
    weighted: (pairs) => {
      const total = pairs.reduce((s, p) => s + p[0], 0);
      let x = next() * total;
      for (const [w, v] of pairs) {
        if ((x -= w) < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return r;
}

/**
 * Encodes a JS value as CONFORMANCE.md's value JSON. `extra(v)` may return an encoding for values
 * the table does not cover (functions, errors); it returns undefined to decline.
 */
function encode(v, extra) {
  if (extra) {
    const x = extra(v);
    if (x !== undefined) return x;
  }
  if (v === undefined) return { $undefined: true };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $num: 'NaN' };
    if (v === Infinity) return { $num: 'Infinity' };
    if (v === -Infinity) return { $num: '-Infinity' };
    if (Object.is(v, -0)) return { $num: '-0' };
    return v;
  }
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  if (v instanceof Uint8Array) return { $hex: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') };
  if (Array.isArray(v)) return v.map((x) => encode(x, extra));
  if (typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v)) o[k] = encode(v[k], extra);
    return o;
  }
  throw new Error('cannot encode ' + typeof v);
}

/** Decodes value JSON back to a JS value; `extra(v)` may decode probe-specific objects ({"$error": …}). */
function decode(v, extra) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decode(x, extra));
  if (extra) {
    const x = extra(v);
    if (x !== undefined) return x;
  }
  if ('$undefined' in v) return undefined;
  if ('$hex' in v) return Buffer.from(v.$hex, 'hex');
  if ('$bigint' in v) return BigInt(v.$bigint);
  if ('$num' in v) return v.$num === '-0' ? -0 : Number(v.$num);
  const o = {};
  for (const k of Object.keys(v)) o[k] = decode(v[k], extra);
  return o;
}

/** Encodes a thrown error as an `out` value: {"throws": {name, code, message, props?}}. */
function throwsOut(err, propNames) {
  const t = { name: err.name, code: err.code === undefined ? null : err.code, message: err.message };
  if (propNames && propNames.length) {
    t.props = {};
    for (const p of propNames) if (p in err) t.props[p] = encode(err[p]);
  }
  return { throws: t };
}

/** Writes cases (objects with id, probe, in, out) to cases/<module>/<file>, one JSON line each. */
function writeCases(module, file, cases) {
  const dir = path.join(CASES_DIR, module);
  fs.mkdirSync(dir, { recursive: true });
  const seen = new Set();
  const lines = cases.map((c) => {
    if (seen.has(c.id)) throw new Error('duplicate id ' + c.id);
    seen.add(c.id);
    const o = { id: c.id, probe: c.probe };
    if (c.note !== undefined) o.note = c.note;
    o.in = c.in;
    o.out = c.out;
    return JSON.stringify(o);
  });
  const target = path.join(dir, file);
  fs.writeFileSync(target, lines.join('\n') + '\n');
  process.stdout.write(`wrote ${cases.length} cases to ${path.relative(process.cwd(), target)}\n`);
}

const pad = (n, w = 4) => String(n).padStart(w, '0');

module.exports = { rng, encode, decode, throwsOut, writeCases, pad, CASES_DIR };
