// pipeline from a generator through a Transform into a Writable, then a generator that throws.
const { Readable, Transform, Writable, pipeline } = require('stream');
const log = (...a) => console.log(a.join(' '));
function* numbers(n, failAt) { for (let i = 1; i <= n; i++) { if (i === failAt) throw new Error('gen failed at ' + i); log('gen', i); yield String(i); } }
const run = (name, failAt, next) => {
  const src = Readable.from(numbers(4, failAt));
  const double = new Transform({ transform(c, e, cb) { cb(null, String(Number(c) * 2)); } });
  const got = [];
  const sink = new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } });
  for (const [n, s] of [['src', src], ['double', double], ['sink', sink]]) {
    s.on('close', () => log(name, n, 'close'));
    s.on('error', (e) => log(name, n, 'error', e.message));
  }
  pipeline(src, double, sink, (err) => { log(name, 'done', err ? err.message : 'ok', got.join(',')); if (next) next(); });
};
run('A', 0, () => run('B', 3));
