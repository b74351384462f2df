// Seeds 002, "child_process" (方式一 spawn, 方式二 exec, 方式三 execFile), made deterministic: pwd in /
// instead of ls -l in /usr, echo instead of node -v; one after the other so the output has one order.
const { spawn, exec, execFile } = require('child_process');

const child = spawn('pwd', [], { cwd: '/' }); // cwd: the child's working directory
child.stdout.pipe(process.stdout);
child.on('close', () => {
  exec('echo hello world', (error, stdout, stderr) => {
    console.log({ error, stdout, stderr });
    execFile('echo', ['hello', 'world'], (error, stdout, stderr) => {
      console.log({ error, stdout, stderr });
      execFile('ls', ['/nonexistent-dir'], (error, stdout, stderr) => {
        console.log(error.code, JSON.stringify(stdout), stderr.length > 0);
      });
    });
  });
});
