// fork_app.js + for_compute.js (seeds/002, "fork子进程充分利用CPU资源"), made to run by itself: the
// server listens on a free port, then asks /compute and / itself and prints what it got.
const http = require('http');
const child_process = require('child_process');
const fork = child_process.fork;
const N = 1e8;

if (process.argv[2] === 'for_compute') {
  // for_compute.js (its timing prints are left out: a duration is never the same twice)
  const computation = () => {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      sum += i;
    }
    return sum;
  };
  process.on('message', (msg) => {
    const sum = computation();
    process.send(sum);
  });
} else {
  let closed = false;
  const answers = {};
  const server = http.createServer((req, res) => {
    if (req.url == '/compute') {
      const compute = fork(__filename, ['for_compute']);
      compute.send('传递给子进程的数据');

      compute.on('message', (sum) => {
        res.end(`Sum is ${sum}`);
        compute.kill();
      });

      compute.on('close', (code, signal) => {
        console.log(`收到close事件，子进程收到信号 ${signal} 而终止，退出码 ${code}`);
        compute.kill();
        closed = true;
        done();
      });
    } else {
      res.end('ok');
    }
  });

  const get = (path) => http.get({ host: '127.0.0.1', port: server.address().port, path }, (res) => {
    let body = '';
    res.on('data', (c) => { body += c; });
    res.on('end', () => { answers[path] = body; done(); });
  });

  function done() {
    if (closed && answers['/compute'] !== undefined && answers['/'] !== undefined) {
      console.log(`GET /compute -> ${answers['/compute']}`);
      console.log(`GET / -> ${answers['/']}`);
      server.close();
    }
  }

  server.listen(0, '127.0.0.1', () => {
    get('/compute');
    get('/');
  });
}
