// setupPrimary, settings and the 'setup' event (primary only, no worker is forked).
const cluster = require('cluster');
const log = (...a) => console.log(a.join(' '));
cluster.on('setup', (s) => log('setup', JSON.stringify(s), s === cluster.settings));
log('before', JSON.stringify(cluster.settings), cluster.schedulingPolicy === cluster.SCHED_RR, cluster.SCHED_NONE, cluster.SCHED_RR);
cluster.setupPrimary({ exec: 'worker.js', args: ['--use', 'https'], silent: true });
log('after 1', JSON.stringify(cluster.settings));
cluster.setupPrimary({ args: ['--use', 'http'], cwd: '/tmp' });
log('after 2', JSON.stringify(cluster.settings));
cluster.setupPrimary();
log('after 3', JSON.stringify(cluster.settings));
process.nextTick(() => log('tick'));
