// Every fork runs setupPrimary(): a 'setup' per fork after an explicit one, even for a fork that throws.
const cluster = require('cluster');
const log = (...a) => console.log(a.join(' '));
cluster.on('setup', (s) => log('setup', s.uid, s === cluster.settings));
cluster.on('fork', (w) => log('fork', w.id));
cluster.setupPrimary({ exec: 'w.js', uid: -1 });
log('explicit');
for (const i of [1, 2]) {
  try {
    cluster.fork();
  } catch (e) {
    log('fork', i, e.code);
  }
}
process.nextTick(() => log('tick'));
