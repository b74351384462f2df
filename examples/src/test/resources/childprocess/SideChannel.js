// A child with a fourth descriptor: stdio ['pipe', 'pipe', 'pipe', 'pipe'] gives fd 3 as a socket,
// child.stdio[3], readable and writable. The tool here (a shell script, as gpg --status-fd 3 or
// ffmpeg -progress pipe:3 would be) reads its tag from fd 3, writes its results on stdout and its
// progress on fd 3, so the two never mix.
const { spawn } = require('child_process');

const tool = `
IFS= read -r tag <&3
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s %s\\n' "$tag" "$line" | tr a-z A-Z
  echo "progress $n" >&3
done
echo "done: $n lines" >&3
`;

/** Calls back once per line of text the stream carries. */
function eachLine(stream, callback) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    lines.forEach(callback);
  });
}

const child = spawn('sh', ['-c', tool], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
const side = child.stdio[3];
const results = [];
eachLine(side, (line) => console.log(`[fd 3] ${line}`));
eachLine(child.stdout, (line) => results.push(line));
side.write('fruit:\n');
child.stdin.end('apple\nbanana\ncherry\n');
child.on('close', (code, signal) => {
  results.forEach((line) => console.log(`[stdout] ${line}`));
  console.log(`closed with ${code}, ${signal}`);
});
