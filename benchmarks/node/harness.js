'use strict';
// The measuring half every synchronous Node twin shares (events.js, buffer.js, crypto.js): it mirrors
// the JMH settings bin/bench uses (-f 1 -wi 3 -w 1s -i 5 -r 1s).
//   * each row runs in its own node process (JMH forks a JVM per benchmark), so no row's type
//     feedback pollutes another's;
//   * a batch size is calibrated so one batch takes at least 10 ms, then each iteration runs whole
//     batches until the iteration time is up, timed with process.hrtime.bigint();
//   * warmup iterations are dropped, measured ones are reported as ops/s samples (bin/bench takes the
//     median of them, as it does of JMH's iteration scores).
//
// A twin calls main({ file: __filename, rows, prepare }) where prepare(row) returns { run(n), check() }:
// run performs n operations, check throws if the results were wrong (called after measuring).
//
// Options: [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//          --row <id> ...   (one row in this process; prints one JSON line)

const { execFileSync } = require('child_process');
const fs = require('fs');

const now = process.hrtime.bigint;

/** A row's batch loop for twins whose rows are `op(state)`: n operations, the last result kept. */
function batchOf(op, s) {
  return (n) => {
    let r;
    for (let i = 0; i < n; i++) r = op(s);
    s.sink = r;
  };
}

/** The smallest power-of-two batch, from `first`, that takes at least 10 ms (also warms the loop up). */
function calibrate(run, first) {
  let n = first;
  for (;;) {
    const t0 = now();
    run(n);
    if (now() - t0 >= 10_000_000n || n >= 2 ** 30) return n;
    n *= 2;
  }
}

/** One iteration: whole batches until `timeNs` is up; ops/s. */
function iteration(run, batch, timeNs) {
  let ops = 0;
  const t0 = now();
  let elapsed;
  do {
    run(batch);
    ops += batch;
    elapsed = now() - t0;
  } while (elapsed < timeNs);
  return ops / (Number(elapsed) / 1e9);
}

function measureRow(row, prepare, opts, firstBatch) {
  const { run, check } = prepare(row);
  const timeNs = BigInt(opts.timeMs) * 1_000_000n;
  const batch = calibrate(run, firstBatch);
  for (let i = 0; i < opts.warmup; i++) iteration(run, batch, timeNs);
  const samples = [];
  for (let i = 0; i < opts.iterations; i++) samples.push(iteration(run, batch, timeNs));
  check();
  return { id: row.id, name: row.name, batch, samples };
}

/** The options above; `flags` are extra switches without a value (set to true when given). */
function parseArgs(argv, flags) {
  const opts = { warmup: 3, iterations: 5, timeMs: 1000, json: null, row: null, rows: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--warmup': opts.warmup = Number(next()); break;
      case '--iterations': opts.iterations = Number(next()); break;
      case '--time-ms': opts.timeMs = Number(next()); break;
      case '--json': opts.json = next(); break;
      case '--row': opts.row = next(); break;
      case '--rows': opts.rows = next().split(','); break;
      default:
        if (!flags.includes(a)) throw new Error(`unknown option ${a}`);
        opts[a] = true;
    }
  }
  return opts;
}

/**
 * Runs a twin: with --row, measures that row here; otherwise each selected row in a fresh node
 * process, then writes the report. `firstBatch` is where calibration starts (1 for slow rows);
 * `flags` maps an extra switch to a function run instead of measuring.
 */
function main({ file, rows, prepare, firstBatch = 1024, flags = {} }) {
  const opts = parseArgs(process.argv.slice(2), Object.keys(flags));
  for (const [flag, action] of Object.entries(flags)) {
    if (opts[flag]) return action();
  }
  if (opts.row !== null) {
    const row = rows.find((r) => r.id === opts.row);
    if (!row) throw new Error(`no row ${opts.row}`);
    process.stdout.write(JSON.stringify(measureRow(row, prepare, opts, firstBatch)) + '\n');
    return;
  }
  const selected = opts.rows ? rows.filter((r) => opts.rows.includes(r.id)) : rows;
  const results = [];
  for (const row of selected) {
    process.stderr.write(`node: ${row.name} ...\n`);
    const out = execFileSync(process.execPath, [
      file, '--row', row.id,
      '--warmup', String(opts.warmup), '--iterations', String(opts.iterations),
      '--time-ms', String(opts.timeMs),
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    results.push(JSON.parse(out));
  }
  const report = { node: process.version, v8: process.versions.v8, rows: results };
  const text = JSON.stringify(report, null, 2) + '\n';
  if (opts.json) fs.writeFileSync(opts.json, text);
  else process.stdout.write(text);
}

module.exports = { main, batchOf };
