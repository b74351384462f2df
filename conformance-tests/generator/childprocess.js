#!/usr/bin/env node
'use strict';
// Generates the `childprocess.*` conformance cases (shared/CONFORMANCE.md, "childprocess") from real
// Node:
//
//     node conformance-tests/generator/childprocess.js
//
// writes conformance-tests/src/test/resources/cases/childprocess/{spawnSync,execFileSync,exec,execFile}.jsonl.
//
// Only commands whose result does not depend on the machine: `sh -c '…'`, `printf`, `cat`, `pwd` in
// `/`, `sleep` stopped by a timeout, and programs or directories that do not exist. No pid, time or
// PATH-dependent path appears in a result. Each case runs twice in Node and is dropped, loudly, when
// the two results differ (a race would make it flaky on another machine).
//
// Left out on purpose (see childprocess/README.md):
// - spawnSync `maxBuffer` overflows: what Node keeps of the output, and whether the child had exited
//   before it was killed, depend on pipe timing.
// Exit codes 129…159 (which the JDK alone cannot tell from death by a signal) and SIGQUIT (which a
// child of ProcessBuilder inherits blocked) are in: nodeshim starts children with its own posix_spawn.

const cp = require('child_process');
const { encode, decode, writeCases, pad } = require('./common');

// ------------------------------------------------------------------------------------------------
// Inputs, as CONFORMANCE.md writes them, turned into Node arguments

/** A chunk (string, {$hex}, or {s, enc}) as Node gets it. */
function chunk(c) {
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && 's' in c) return Buffer.from(c.s, c.enc);
  return decode(c);
}

/** The probe's `options` object as Node's options (input as a chunk, the rest as they are). */
function nodeOptions(o, extra) {
  const out = Object.assign({}, extra);
  if (!o) return out;
  for (const k of Object.keys(o)) out[k] = k === 'input' ? chunk(o.input) : decode(o[k]);
  return out;
}

function errorFields(e) {
  if (!e) return null;
  return { code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, spawnargs: e.spawnargs };
}

// ------------------------------------------------------------------------------------------------
// Performing a case in Node

function performSync(probe, i) {
  const args = i.args === undefined ? [] : i.args;
  if (probe === 'childprocess.spawnSync') {
    let r;
    try {
      r = cp.spawnSync(i.command, args, nodeOptions(i.options));
    } catch (e) {
      return { throws: { name: e.name, code: e.code === undefined ? null : e.code, message: e.message } };
    }
    return {
      ok: encode({
        status: r.status, signal: r.signal, stdout: r.stdout === undefined ? null : r.stdout,
        stderr: r.stderr === undefined ? null : r.stderr, error: errorFields(r.error),
      }),
    };
  }
  // execFileSync: stderr is piped (not copied to ours) so the generator's output stays clean.
  try {
    return { ok: encode(cp.execFileSync(i.file, args, nodeOptions(i.options, { stdio: 'pipe' }))) };
  } catch (e) {
    const props = {};
    for (const p of ['status', 'signal', 'stdout', 'stderr']) props[p] = encode(e[p]);
    return { throws: { name: e.name, code: e.code === undefined ? null : e.code, message: e.message, props } };
  }
}

function performAsync(probe, i) {
  return new Promise((resolve) => {
    const done = (err, stdout, stderr) => resolve({
      ok: encode({
        error: err ? { message: err.message, code: err.code, killed: err.killed, signal: err.signal, cmd: err.cmd } : null,
        stdout, stderr,
      }),
    });
    if (probe === 'childprocess.exec') cp.exec(i.command, nodeOptions(i.options), done);
    else cp.execFile(i.file, i.args === undefined ? [] : i.args, nodeOptions(i.options), done);
  });
}

/** childprocess.events: spawn, write the stdin chunks and end stdin, record the events in order. */
function performEvents(i) {
  return new Promise((resolve) => {
    const events = [];
    const out = [];
    const err = [];
    const c = cp.spawn(i.command, i.args === undefined ? [] : i.args, nodeOptions(i.options));
    c.on('spawn', () => events.push(['spawn']));
    c.on('exit', (code, signal) => events.push(['exit', code, signal]));
    c.on('error', (e) => events.push(['error', e.code, e.syscall, e.path]));
    c.on('close', (code, signal) => {
      events.push(['close', code, signal]);
      resolve({ ok: encode({ events, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }) });
    });
    if (c.stdout) c.stdout.on('data', (d) => out.push(d));
    if (c.stderr) c.stderr.on('data', (d) => err.push(d));
    if (i.stdin !== undefined && c.stdin) {
      c.stdin.on('error', () => {}); // a child that does not read: EPIPE is not what the case is about
      for (const chunk of i.stdin) c.stdin.write(decodeChunk(chunk));
      c.stdin.end();
    }
  });
}

const decodeChunk = chunk;

/**
 * childprocess.stdio: spawn with a `stdio` array; write `writes[fd]` (chunks) to each stream from fd 3
 * on and end it, end stdin; record the events (spawn, exit, close, error, disconnect) in order, what
 * `child.stdio` holds (null, 'stream', or 'duplex' for a readable and writable stream from fd 3 on) and
 * the text read from every readable stream, by fd. A spawn that throws gives `throws`.
 */
function performStdio(i) {
  return new Promise((resolve) => {
    let c;
    try {
      c = cp.spawn(i.command, i.args === undefined ? [] : i.args, nodeOptions(i.options));
    } catch (e) {
      const props = {};
      for (const p of ['errno', 'syscall']) if (e[p] !== undefined) props[p] = e[p];
      resolve({ throws: { name: e.name, code: e.code === undefined ? null : e.code, message: e.message, props } });
      return;
    }
    const events = [];
    const data = {};
    const kinds = c.stdio.map((s, fd) => (s === null || s === undefined ? null
      : fd >= 3 && s.readable && s.writable ? 'duplex' : 'stream'));
    c.on('spawn', () => events.push(['spawn']));
    c.on('exit', (code, signal) => events.push(['exit', code, signal]));
    c.on('error', (e) => events.push(['error', e.code, e.syscall, e.path]));
    c.on('disconnect', () => events.push(['disconnect']));
    c.on('close', (code, signal) => {
      events.push(['close', code, signal]);
      resolve({ ok: encode({ events, stdio: kinds, data }) });
    });
    c.stdio.forEach((s, fd) => {
      if (s && fd !== 0) {
        data[fd] = [];
        s.on('data', (d) => data[fd].push(d));
        s.on('end', () => { data[fd] = Buffer.concat(data[fd]).toString(); });
      }
    });
    const writes = i.writes || {};
    c.stdio.forEach((s, fd) => {
      if (s && fd >= 3) {
        for (const w of writes[fd] || []) s.write(decodeChunk(w));
        s.end();
      }
    });
    if (c.stdin) c.stdin.end();
  });
}

async function perform(probe, i) {
  if (probe === 'childprocess.events') return performEvents(i);
  if (probe === 'childprocess.stdio') return performStdio(i);
  return probe.endsWith('Sync') ? performSync(probe, i) : performAsync(probe, i);
}

// ------------------------------------------------------------------------------------------------
// The cases

const EXIT_CODES = [0, 1, 2, 3, 42, 100, 125, 126, 127, 128, 160, 200, 254, 255];
// every code a signal death would also give through the JDK's folding (128 + 1…31)
for (let code = 129; code <= 159; code++) EXIT_CODES.push(code);
const SELF_SIGNALS = ['HUP', 'INT', 'QUIT', 'ABRT', 'KILL', 'USR1', 'USR2', 'PIPE', 'ALRM', 'TERM'];
const KILL_SIGNALS = ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 9, 15];
/** Arguments that a shell would mangle; each must arrive byte-exact. */
const TRICKY_ARGS = [
  'plain', 'two words', '  padded  ', '', "it's", 'say "hi"', '$(echo no)', '`echo no`', '$HOME',
  'a;b', 'a|b', 'a&b', 'a>b', '*', '~', 'line1\nline2', 'tab\there', 'back\\slash', '%s %d',
  'héllo wörld', '日本語', 'emoji 😀', '--flag=value', '-n',
];
const ENCODINGS = ['utf8', 'buffer', 'latin1', 'hex', 'base64', 'base64url', 'ascii', 'ucs2', 'utf-8', 'UTF8'];
const SHELL_SCRIPTS = [
  'echo "$FOO"', 'printf %s "$FOO-$BAR"', 'echo $FOO $BAR', 'test -z "$UNSET_VAR" && echo empty',
  'echo out; echo err >&2', 'exit 7', 'printf "%s|" "$@"', 'cat; echo done',
];

/** Every case as {probe, in}; ids are assigned per probe in this order. */
function allCases() {
  const cases = [];
  const add = (probe, input, note) => cases.push({ probe, in: input, note });

  for (const probe of ['childprocess.spawnSync', 'childprocess.execFileSync', 'childprocess.execFile']) {
    const cmd = (c, args, options) => {
      const input = probe === 'childprocess.spawnSync' ? { command: c } : { file: c };
      if (args !== undefined) input.args = args;
      if (options !== undefined) input.options = options;
      return input;
    };
    for (const code of EXIT_CODES) add(probe, cmd('sh', ['-c', `exit ${code}`]), `exit ${code}`);
    for (const code of [1, 3]) {
      add(probe, cmd('sh', ['-c', `echo out; echo err >&2; exit ${code}`]), 'output and a failure');
      add(probe, cmd('sh', ['-c', `printf out; printf err >&2; exit ${code}`], { encoding: 'utf8' }),
        'no trailing newline on stderr');
    }
    for (const sig of SELF_SIGNALS) add(probe, cmd('sh', ['-c', `kill -${sig} $$`]), `the child kills itself with SIG${sig}`);
    add(probe, cmd('sh', ['-c', 'echo before; kill -TERM $$; echo after']), 'output before a self-inflicted signal');
    for (const a of TRICKY_ARGS) add(probe, cmd('printf', ['[%s]\\n', a]), `argument ${JSON.stringify(a)} byte-exact`);
    add(probe, cmd('printf', ['%s|', ...TRICKY_ARGS]), 'every tricky argument at once');
    add(probe, cmd('nonexistent-program-xyz'), 'missing program');
    add(probe, cmd('nonexistent-program-xyz', ['a b', 'c']), 'missing program with arguments');
    add(probe, cmd('./nonexistent-program-xyz'), 'missing program, relative path');
    add(probe, cmd('/nonexistent-dir-xyz/prog', ['x']), 'missing program, absolute path');
    add(probe, cmd('pwd', [], { cwd: '/' }), 'cwd /');
    add(probe, cmd('pwd', [], { cwd: '/nonexistent-dir-xyz' }), 'cwd that does not exist');
    add(probe, cmd('printf', ['x'], { cwd: '/nonexistent-dir-xyz' }), 'cwd that does not exist');
    add(probe, cmd('/etc/passwd'), 'a file that is not executable');
    add(probe, cmd('/'), 'a directory as the program');
    for (const enc of ENCODINGS) {
      add(probe, cmd('printf', ['h\\303\\251llo \\342\\234\\223 \\377'], { encoding: enc }), `encoding ${enc}`);
    }
    add(probe, cmd('printf', ['abc'], { encoding: 'nonsense' }), 'an unknown encoding');
    for (const sig of KILL_SIGNALS) {
      add(probe, cmd('sleep', ['5'], { timeout: 50, killSignal: sig }), `timeout with killSignal ${sig}`);
    }
    add(probe, cmd('sh', ['-c', 'echo started; exec sleep 5'], { timeout: 100 }), 'timeout after some output');
    // the result waits for the end of stdout and stderr (a grandchild's copy too), not for the exit;
    // a timeout counts until then
    add(probe, cmd('sh', ['-c', '(sleep 0.1; echo late) & echo early']), 'a grandchild writes after the exit');
    add(probe, cmd('sh', ['-c', '(sleep 0.1; echo late >&2) & echo early >&2']), 'a grandchild writes to stderr after the exit');
    add(probe, cmd('sh', ['-c', '(sleep 1; echo late) & echo early'], { timeout: 300 }),
      'a grandchild holds stdout past the timeout');
    add(probe, cmd('sh', ['-c', 'exec >&- 2>&-; sleep 5'], { timeout: 100 }), 'stdio closed early, the exit times out');
    add(probe, cmd('printf', ['abcdef'], { maxBuffer: 6 }), 'output exactly maxBuffer long');
    if (probe === 'childprocess.execFile') {
      // over maxBuffer with a string encoding: counted in bytes, the crossing chunk cut as a string
      for (const [text, max, enc] of [['héé', 4, 'utf8'], ['héé', 3, 'utf8'], ['héé', 2, 'utf8'], ['héé', 4, 'buffer'],
        ['abcdef', 4, 'hex'], ['abcdef', 4, 'base64'], ['日本語テキスト', 5, 'utf8'], ['aé', 2, 'latin1'], ['aé', 2, 'ucs2']]) {
        add(probe, cmd('printf', [text], { maxBuffer: max, encoding: enc }), `over maxBuffer ${max} with encoding ${enc}`);
      }
      // (the count over several chunks is tested in childprocess's ExecMaxBufferTest, where a FIFO fixes
      // the chunking; here it would depend on when the pipe is read)
    }
    add(probe, cmd('printf', ['abcdef'], { maxBuffer: 100 }), 'output under maxBuffer');
    for (const script of SHELL_SCRIPTS) {
      // execFile leaves the child's stdin open (nothing here writes or ends it): `cat` would wait forever
      if (probe === 'childprocess.execFile' && script.startsWith('cat')) continue;
      add(probe, cmd(script, ['a b', 'c'], { shell: true, env: { FOO: 'foo value', BAR: 'bar' } }), 'shell with env');
      add(probe, cmd(script, undefined, { shell: '/bin/sh', env: { FOO: 'x' } }), 'shell as a path');
    }
    add(probe, cmd('sh', ['-c', 'printf "%s" "$ONLY"'], { env: { ONLY: 'this' } }), 'env replaces the environment');
    if (probe !== 'childprocess.execFile') {
      const inputs = ['hello\nworld', '', 'héllo ✓', { $hex: '00ff80417f0a' }, { s: 'aGVsbG8=', enc: 'base64' },
        { s: '68690a', enc: 'hex' }, 'x'.repeat(2000)];
      for (const input of inputs) add(probe, cmd('cat', [], { input }), 'input to cat');
      add(probe, cmd('cat', [], { input: 'abc', encoding: 'utf8' }), 'input with an output encoding');
      add(probe, cmd('sh', ['-c', 'head -c 3; echo; exit 4'], { input: 'abcdef' }), 'input partly read, then a failure');
      add(probe, cmd('wc', ['-c'], { input: 'x'.repeat(70000) }), 'input larger than a pipe buffer');
    }
  }

  const exec = (command, options) => (options === undefined ? { command } : { command, options });
  const execProbe = 'childprocess.exec';
  for (const code of EXIT_CODES) add(execProbe, exec(`exit ${code}`), `exit ${code}`);
  add(execProbe, exec('echo out; echo err >&2; exit 2'), 'output and a failure');
  add(execProbe, exec('echo hi'), 'echo');
  add(execProbe, exec('printf "%s|" a "b c" \'d e\''), 'the shell splits');
  for (const sig of SELF_SIGNALS) add(execProbe, exec(`kill -${sig} $$`), `the shell kills itself with SIG${sig}`);
  add(execProbe, exec('nonexistent-program-xyz'), 'missing program (the shell says 127)');
  add(execProbe, exec('echo "$FOO" "$BAR"', { env: { FOO: 'foo', BAR: 'b a r' } }), 'env');
  add(execProbe, exec('pwd', { cwd: '/' }), 'cwd');
  add(execProbe, exec('pwd', { cwd: '/nonexistent-dir-xyz' }), 'cwd that does not exist');
  for (const enc of ENCODINGS) add(execProbe, exec("printf 'h\\303\\251llo \\377'", { encoding: enc }), `encoding ${enc}`);
  for (const sig of KILL_SIGNALS) add(execProbe, exec('exec sleep 5', { timeout: 50, killSignal: sig }), `timeout with killSignal ${sig}`);
  add(execProbe, exec('printf abcdef', { maxBuffer: 3 }), 'stdout over maxBuffer');
  add(execProbe, exec('printf abcdef >&2', { maxBuffer: 3 }), 'stderr over maxBuffer');
  add(execProbe, exec('printf abcdef', { maxBuffer: 6 }), 'stdout exactly maxBuffer');
  add(execProbe, exec('printf abcdef', { maxBuffer: 3, encoding: 'buffer' }), 'stdout over maxBuffer, buffer encoding');
  add(execProbe, exec('echo "$0"', { shell: '/bin/sh' }), 'shell as a path');
  const events = 'childprocess.events';
  const ev = (command, args, extra) => Object.assign({ command }, args === undefined ? {} : { args }, extra);
  for (const code of [0, 1, 2, 42, 127, 129, 134, 137, 143, 159, 255]) add(events, ev('sh', ['-c', `exit ${code}`], { stdin: [] }), `exit ${code}`);
  for (const sig of SELF_SIGNALS) add(events, ev('sh', ['-c', `kill -${sig} $$`], { stdin: [] }), `self-inflicted SIG${sig}`);
  add(events, ev('nonexistent-program-xyz', ['a']), 'missing program: error then close, no exit');
  add(events, ev('pwd', [], { options: { cwd: '/nonexistent-dir-xyz' } }), 'missing cwd');
  add(events, ev('cat', [], { stdin: ['hello\n', { $hex: '00ff0a' }, { s: 'aGk=', enc: 'base64' }] }), 'stdin through cat');
  add(events, ev('cat', [], { stdin: [] }), 'empty stdin');
  add(events, ev('cat', [], { stdin: ['x'.repeat(200000)] }), 'stdin larger than the pipe');
  add(events, ev('sh', ['-c', 'echo out; echo err >&2; exit 5'], { stdin: [] }), 'both outputs and a failure');
  add(events, ev('sh', ['-c', 'head -c 3; echo; exit 4'], { stdin: ['abcdef'] }), 'stdin partly read');
  add(events, ev('sh', ['-c', '(sleep 0.2; echo late) & echo early'], { stdin: [] }), 'a grandchild writes after the exit');
  add(events, ev('sh', ['-c', 'echo "$A-$B"'], { options: { env: { A: 'a', B: 'b c' } }, stdin: [] }), 'env');
  add(events, ev('echo $0', undefined, { options: { shell: true }, stdin: [] }), 'shell');
  for (const a of TRICKY_ARGS) add(events, ev('printf', ['[%s]\n', a], { stdin: [] }), `argument ${JSON.stringify(a)}`);
  add(events, ev('sleep', ['5'], { options: { timeout: 50 }, stdin: [] }), 'timeout');
  add(events, ev('sleep', ['5'], { options: { timeout: 50, killSignal: 'SIGKILL' }, stdin: [] }), 'timeout with SIGKILL');

  // stdio arrays beyond fds 0-2 (and 'ipc' at any index); the child's descriptors 0-9 as sh sees them
  const std = 'childprocess.stdio';
  const sh = (script, stdio, extra) => Object.assign({ command: 'sh', args: ['-c', script], options: { stdio } }, extra);
  const fds = 'for f in 0 1 2 3 4 5 6 7 8 9; do [ -e /proc/self/fd/$f ] && printf "$f "; done; echo';
  add(std, sh('echo hi >&3', ['pipe', 'pipe', 'pipe', 'pipe']), "'pipe' at 3: the child writes it");
  add(std, sh('cat <&3 >&3', ['pipe', 'pipe', 'pipe', 'pipe'], { writes: { 3: ['abc', 'déf'] } }), "'pipe' at 3 both ways, end() is the child's EOF");
  add(std, sh('cat <&4; echo to5 >&5', ['ignore', 'pipe', 'pipe', null, 'pipe', 'pipe'], { writes: { 4: ['four\n'] } }), 'pipes at 4 and 5, nothing at 3');
  add(std, sh('echo x >&3', ['pipe', 'pipe', 'pipe', 'ignore']), "'ignore' at 3 is a closed descriptor");
  add(std, sh('echo x >&3', ['pipe', 'pipe', 'pipe', null]), 'null at 3 is ignore');
  add(std, sh('echo x >&3', ['pipe', 'pipe', 'pipe', 'overlapped']), "'overlapped' is a pipe");
  add(std, sh('echo x >&3', ['pipe', 'pipe', 'pipe', -1]), 'a negative number is a pipe');
  add(std, sh(fds, ['ignore', 'pipe', 'pipe', 'pipe', null, 'ignore', 'pipe']), 'which descriptors the child has');
  add(std, sh(fds, ['ignore', 'pipe']), 'a short array is filled up with pipes');
  add(std, sh(fds, ['ignore', 'pipe', 'pipe', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore']), 'a long array of ignore');
  add(std, sh('echo x >&3', ['pipe', 'pipe', 'pipe', 999]), 'a descriptor that is not open: spawn EBADF');
  for (const bad of ['bogus', true, {}, [], 'wrap']) {
    add(std, sh('true', ['pipe', 'pipe', 'pipe', bad]), `a bad entry at 3: ${JSON.stringify(bad)}`);
  }
  add(std, sh('true', ['ipc', 'bogus', 'ipc']), 'entries are checked in order');
  add(std, sh('true', ['ipc', 'ipc', true]), 'a second ipc');
  for (let at = 0; at <= 4; at++) {
    const stdio = ['ignore', 'pipe', 'pipe'];
    while (stdio.length <= at) stdio.push(null);
    stdio[at] = 'ipc';
    const say = at === 1 ? '>&2' : '';
    add(std, sh(`{ echo "$NODE_CHANNEL_FD $NODE_CHANNEL_SERIALIZATION_MODE"; ${fds}; } ${say}`, stdio), `ipc at ${at}`);
  }
  // spawnSync with stdio (last, so that the ids before keep theirs); 'inherit' would write into ours
  const sync = 'childprocess.spawnSync';
  const syncSh = (script, stdio) => ({ command: 'sh', args: ['-c', script], options: { stdio, encoding: 'utf8' } });
  add(sync, syncSh('echo out; echo err >&2', 'ignore'), "stdio 'ignore': null outputs");
  add(sync, syncSh('echo out; echo err >&2', ['ignore', 'pipe', 'ignore']), 'stdout alone piped');
  add(sync, syncSh('echo out; echo err >&2; exit 3', ['pipe', 'ignore', 'pipe']), 'stderr alone piped, a failure');
  add(sync, syncSh('echo x >&3; echo out', ['ignore', 'pipe', 'pipe', 'pipe']), 'a pipe at 3');
  add(sync, syncSh('echo x >&3', ['ignore', 'pipe', 'pipe', 'ignore']), "'ignore' at 3");
  add(sync, syncSh('echo x >&3', ['ignore', 'pipe', 'pipe', 999]), 'a descriptor that is not open: EBADF');
  add(sync, syncSh('true', ['pipe', 'pipe', 'pipe', 'ipc']), 'ipc: ERR_IPC_SYNC_FORK');
  add(sync, syncSh('true', 'bogus'), 'a bad stdio string');
  return cases;
}

// ------------------------------------------------------------------------------------------------

async function main() {
  // `node childprocess.js [probe…]`: only those probes' files (e.g. childprocess.stdio), else all
  const only = process.argv.slice(2);
  const byProbe = new Map();
  let dropped = 0;
  for (const c of allCases().filter((x) => only.length === 0 || only.includes(x.probe))) {
    const first = await perform(c.probe, c.in);
    const second = await perform(c.probe, c.in);
    if (JSON.stringify(first) !== JSON.stringify(second)) {
      dropped++;
      process.stderr.write(`dropped (differs between runs): ${c.probe} ${JSON.stringify(c.in)}\n`);
      continue;
    }
    const short = c.probe.slice('childprocess.'.length);
    if (!byProbe.has(short)) byProbe.set(short, []);
    const list = byProbe.get(short);
    list.push({ id: `childprocess/${short}/${pad(list.length)}`, probe: c.probe, note: c.note, in: c.in, out: first });
  }
  for (const [short, cases] of byProbe) writeCases('childprocess', `${short}.jsonl`, cases);
  if (dropped) process.stderr.write(`${dropped} cases dropped\n`);
}

main();
