// setupPrimary's stdio, uid and gid: kept as given (key order included), checked by fork, which throws
// fork's errors in node's order (stdio, then serialization, then the ids). No worker starts.
const cluster = require('cluster');
const log = (...a) => console.log(a.join(' '));
cluster.setupPrimary({ gid: 5, exec: 'w.js', args: [], uid: 7 });
log('a', JSON.stringify(cluster.settings));
cluster.setupPrimary({ cwd: '/tmp', stdio: 'pipe', serialization: 'advanced', uid: 8 });
log('b', JSON.stringify(cluster.settings));
cluster.setupPrimary({ stdio: ['ignore', 'pipe', 'inherit', 'ipc'], gid: 9 });
log('c', JSON.stringify(cluster.settings));
const attempt = (s) => {
  cluster.setupPrimary(s);
  try {
    cluster.fork();
    return 'forked';
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};
log(attempt({ stdio: ['pipe', 'pipe', 'pipe'] }));
log(attempt({ stdio: 'bogus' }));
log(attempt({ stdio: ['pipe', 'ipc', 'ipc'] }));
log(attempt({ stdio: ['pipe', 'ipc', 'bogus'], serialization: 'bogus' }));
log(attempt({ stdio: ['pipe', 'ipc'], serialization: 'bogus', uid: -1 }));
log(attempt({ serialization: 'json' }));
log(attempt({ uid: 0, gid: -1 }));
log('workers', Object.keys(cluster.workers).length);
