// fork with uid/gid (run as root): the child runs as nobody, its channel works both ways, and as a
// process without CAP_SETUID it is refused uid 0 (EPERM) and -1 (EINVAL), thrown by fork at once.
const { fork } = require('child_process');
const fs = require('fs');
const log = (...a) => console.log(a.join(' '));
const ids = () => fs.readFileSync('/proc/self/status', 'latin1').split('\n')
  .filter((l) => /^(Uid|Gid|Groups):/.test(l)).map((l) => l.replace(/\s+/g, ' ').trim());
const attempt = (opts) => {
  try {
    fork(__filename, ['never'], opts);
    return 'started';
  } catch (e) {
    return [e.name, e.message, e.errno, e.code, e.syscall, JSON.stringify(Object.keys(e))].join(' ');
  }
};
if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    process.send({ got: m, ids: ids(), uid0: attempt({ uid: 0 }), gid0: attempt({ gid: 0 }),
      minus1: attempt({ uid: -1 }), own: attempt({ uid: 65534, gid: 65534, stdio: 'ignore', execArgv: ['-e', '0'] }) });
    process.disconnect();
  });
} else {
  log('uid -1:', attempt({ uid: -1 }));
  log('gid -1:', attempt({ gid: -1, uid: 65534 }));
  const c = fork(__filename, ['child'], { uid: 65534, gid: 65534 });
  c.on('spawn', () => log('spawn'));
  c.on('message', (m) => {
    log('got', m.got);
    for (const l of m.ids) log('child', l);
    log('child uid 0:', m.uid0);
    log('child gid 0:', m.gid0);
    log('child uid -1:', m.minus1);
    log('child own ids:', m.own);
  });
  c.on('disconnect', () => log('disconnect'));
  c.on('exit', (code, sig) => log('exit', code, sig));
  c.on('close', (code, sig) => log('close', code, sig));
  c.send('ping');
}
