// What JSON.stringify writes on the IPC wire and what JSON.parse gives back (the message codec's oracle).
const out = (label, v) => console.log(label + ' ' + v);
for (const d of [1, 2.5, -0, 0.1, 1e21, 1e-7, 123456789012, 1.5e300, -1e-300, 5e-324, 0.000001, 1e20, 123e-20, NaN, Infinity, -Infinity, 100, 1/3])
  out('number', JSON.stringify(d));
out('string', JSON.stringify('q"b\\s\b\f\n\r\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00'));
out('nested', JSON.stringify({a: [1, 'x', true, null], b: {c: -1.5}}));
out('parse-order', JSON.stringify(Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4,"01":5,"4294967295":6,"4294967294":7,"b":8}'))));
out('parse-dup', JSON.stringify(JSON.parse('{"b":1,"a":2,"b":3}')));
out('parse-neg-zero', Object.is(JSON.parse('-0'), -0));
out('parse-1e400', JSON.parse('1e400'));
out('parse-surrogate', JSON.parse('"\\ud800"').length);
