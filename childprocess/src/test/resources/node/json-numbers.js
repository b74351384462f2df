// 3,000 doubles (random bit patterns, seeded, plus ranges where the notation switches) and the way
// JSON.stringify spells them: one "<16 hex digits of the bits> <spelling>" per line.
let seed = 0x2545F4914F6CDD1Dn;
const next = () => { seed ^= seed << 13n; seed &= (1n << 64n) - 1n; seed ^= seed >> 7n; seed ^= seed << 17n; seed &= (1n << 64n) - 1n; return seed; };
const f = new Float64Array(1), u = new BigUint64Array(f.buffer);
const lines = [];
const add = (d) => { f[0] = d; lines.push(u[0].toString(16).padStart(16, '0') + ' ' + JSON.stringify(d)); };
for (let i = 0; i < 2000; i++) { u[0] = next(); const d = f[0]; if (Number.isFinite(d)) add(d); }
for (let e = -330; e <= 310; e++) add(Number('1.2345678901234567e' + e));
for (let i = 0; i < 300; i++) add(Number(next() % 100000000000000000000000n) / 1e6);
console.log(lines.join('\n'));
