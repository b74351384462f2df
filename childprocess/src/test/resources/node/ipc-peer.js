// The node side of NodeIpcTest: a child that a Java parent spawns with an 'ipc' stdio entry.
// It says hello (what it sees of its channel), then answers: {cmd:'burst', n} with n {i} messages and
// 'burst-done'; a {big} message with its length and the big string back; 'bye' by disconnecting;
// anything else by echoing it.
const hello = {
  fd: process.channel && process.channel.fd,
  connected: process.connected,
  env: Object.keys(process.env).filter((k) => k.startsWith('NODE_CHANNEL')),
  // what a child of ours sees of the channel's variables: nothing (stderr not inherited: it may be the
  // channel's descriptor, which process.stderr would start reading)
  grandchild: require('child_process').execSync('echo "[$NODE_CHANNEL_FD$NODE_CHANNEL_SERIALIZATION_MODE]"',
    { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(),
};
process.send({hello});
process.on('message', (m) => {
  if (m === 'bye') {
    process.disconnect();
  } else if (m && m.cmd === 'burst') {
    for (let i = 0; i < m.n; i++) process.send({i});
    process.send('burst-done');
  } else if (m && typeof m.big === 'string') {
    process.send({length: m.big.length, big: m.big});
  } else {
    process.send(m);
  }
});
