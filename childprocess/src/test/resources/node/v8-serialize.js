// v8.serialize of deterministic values, one "name<TAB>hex" line each: the expectations of
// V8SerializerTest. Regenerate with `node v8-serialize.js > v8-serialize.out` (node 20).
const v8 = require('v8');
const err = (e, stack) => { e.stack = stack; return e; };
const o = {};
const circ = {}; circ.self = circ;
const selfArr = []; selfArr.push(selfArr);
const selfMap = new Map(); selfMap.set('me', selfMap);
const sparse = [1, , 3];
const far = []; far[10] = 1;
const withProp = [1, 2]; withProp.x = 3;
const buf = Buffer.from([7]);
const values = {
  undefined: undefined, null: null, true: true, false: false,
  zero: 0, minusZero: -0, one: 1, minusOne: -1, twoPow30: 2 ** 30, intMax: 2 ** 31 - 1, intMin: -(2 ** 31),
  twoPow31: 2 ** 31, twoDouble: 2, half: 1.5, nan: NaN, inf: Infinity, negInf: -Infinity, big21: 1e21,
  twoPow53plus2: 2 ** 53 + 2, tiny: 5e-324,
  big0: 0n, big1: 1n, bigMinus1: -1n, big2pow64: 2n ** 64n, bigMinus2pow64minus1: -(2n ** 64n) - 1n,
  bigMinus2pow63: -(2n ** 63n), big2pow200: 2n ** 200n,
  empty: '', a: 'a', latin1: 'é ÿ', twoByte: 'ā', mixed: 'ab€', emoji: '😀', loneSurrogate: '\ud800', long300: 'x'.repeat(300),
  objEmpty: {}, objA: { a: 1 }, objIndexKeys: { 1: 'x', b: 2, 0: 'y' }, objNested: { a: { b: [1] } },
  objBigKeys: { 4294967294: 1, 4294967295: 2, 2147483648: 3, 2147483647: 4, '-1': 5, '01': 6 },
  arrEmpty: [], arr12: [1, 2], arrPad: ['x', 'ā'], objPad: { 'ā': 1, b: 'ā' },
  arrMixed: [null, true, 'a', 1.5, [], {}],
  map: new Map([[1, 'a'], ['b', {}]]), set: new Set([1, 'a', null]), mapEmpty: new Map(), setEmpty: new Set(),
  date0: new Date(0), date1500: new Date(1500), dateNeg: new Date(-86400000), date2026: new Date(Date.UTC(2026, 10, 23)),
  regexp: /ab+c/gi, regexpAllFlags: /x/dgimsuy, regexpPlain: /x/, regexpTwoByte: /ā/u,
  arrayBuffer: new Uint8Array([1, 2, 3]).buffer, arrayBufferEmpty: new ArrayBuffer(0),
  buffer: Buffer.from([1, 2, 3]), bufferEmpty: Buffer.alloc(0), bufferSlice: Buffer.from([0, 1, 2, 3, 4]).subarray(1, 3),
  int8: new Int8Array([-1, 2]), uint8: new Uint8Array([1, 255]), uint8c: new Uint8ClampedArray([9]),
  int16: new Int16Array([1, -1]), uint16: new Uint16Array([65535, 1]), int32: new Int32Array([-5, 7]),
  uint32: new Uint32Array([4294967295]), float32: new Float32Array([1.5, -2]), float64: new Float64Array([1.5, -0]),
  bigInt64: new BigInt64Array([-1n, 5n]), bigUint64: new BigUint64Array([2n ** 64n - 1n]),
  dataView: new DataView(new Uint8Array([4, 5]).buffer),
  error: err(new Error('boom'), 'Error: boom\n    at here'), typeError: err(new TypeError('t'), 'S'),
  rangeError: err(new RangeError('r'), 'S'), evalError: err(new EvalError('e'), 'S'),
  referenceError: err(new ReferenceError('f'), 'S'), syntaxError: err(new SyntaxError('s'), 'S'),
  uriError: err(new URIError('u'), 'S'), errorCause: err(new Error('m', { cause: 1 }), 'S'),
  errorEmptyMessage: err(new Error(''), 'S'),
  repeated: [o, o], circular: circ, selfArray: selfArr, selfMap, repeatedBuffer: [buf, buf],
  record: { name: 'n', n: 2 },
  // read-only: what Java cannot send in this form, but must read
  sparse, sparseFar: far, holey: new Array(3), arrayWithProp: withProp, arrUndef: [1, undefined],
  boxedNumber: new Number(3), boxedString: new String('ab'), boxedTrue: new Boolean(true),
  boxedFalse: new Boolean(false), boxedBigInt: Object(5n), dateNaN: new Date(NaN),
  nullProto: Object.assign(Object.create(null), { a: 1 }), doubleArray: [1.5, 2],
  errorNoMessage: (() => { const e = new Error(); delete e.stack; return e; })(),
  errorErrorCause: (() => { const c = err(new TypeError('inner'), 'S2'); return err(new Error('outer', { cause: c }), 'S1'); })(),
  resizable: new ArrayBuffer(2, { maxByteLength: 8 }),
};
for (const [name, v] of Object.entries(values)) {
  console.log(name + '\t' + v8.serialize(v).toString('hex'));
}
