// The node side of NodeAdvancedIpcTest: a child that a Java parent spawns with an 'ipc' stdio entry
// and serialization 'advanced'. It checks what Java sent against the JavaScript value it stands for
// (util.isDeepStrictEqual: node is the judge), sends a value of its own, echoes, and bursts.
const util = require('util');
const expected = () => {
  const o = {
    map: new Map([[1, 'one'], ['k', new Set([1, 'a'])]]),
    date: new Date(1700000000123),
    big: -(2n ** 100n),
    buf: Buffer.from('hi'),
    ints: new Int32Array([1, -2]),
    re: /a+/gi,
    list: [1, 2.5, 'é', null, undefined, true],
    nested: { 1: 'x', b: { c: [] } },
  };
  o.self = o;
  return o;
};
const mine = () => {
  const o = {
    map: new Map([[10n, new Set(['s'])]]),
    date: new Date(0),
    u8: new Uint8Array([1, 2]),
    f64: new Float64Array([0.5]),
    err: Object.assign(new TypeError('bad'), { stack: 'TypeError: bad\n    at node' }),
    arr: [1, , 3],
  };
  o.self = o;
  return o;
};
process.on('message', (m) => {
  if (m === 'bye') {
    process.disconnect();
  } else if (m && m.cmd === 'check') {
    const ok = util.isDeepStrictEqual(m.value, expected());
    process.send({ check: ok, seen: ok ? '' : util.inspect(m.value, { depth: 5 }) });
  } else if (m && m.cmd === 'mine') {
    process.send(mine());
  } else if (m && m.cmd === 'burst') {
    for (let i = 0; i < m.n; i++) process.send({ i });
    process.send('burst-done');
  } else {
    process.send(m);
  }
});
process.send('ready');
