// Seeds 002, "Buffer应用场景": serve a 10 KiB body from a string (encoded on every response) or from
// a Buffer made once. Port 0 picks a free port; two requests, then the server closes.
const http = require('http');
let s = '';
for (let i = 0; i < 1024 * 10; i++) {
  s += 'a';
}
const str = s;
const bufStr = Buffer.from(s);
const server = http.createServer((req, res) => {
  console.log(req.url);
  if (req.url === '/buffer') {
    res.end(bufStr);
  } else if (req.url === '/string') {
    res.end(str);
  }
});

function get(path) {
  return new Promise((resolve, reject) => {
    http.get({ port: server.address().port, path }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve([res.statusCode, Buffer.concat(chunks)]));
    }).on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  for (const path of ['/buffer', '/string']) {
    const [status, body] = await get(path);
    console.log(status, body.length, body.equals(bufStr));
  }
  server.close();
});
