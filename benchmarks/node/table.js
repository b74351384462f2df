'use strict';
// Prints the comparison table bin/bench shows: one row per Node-twin row, joined to the JMH result
// whose method name is the row's id.
//
//   node table.js <jmh-result.json> <node-result.json>
//
// Both columns are the median of the measured iterations (JMH's rawData; the twin's samples), so
// one noisy iteration moves neither side much. The ratio is nodeshim/Node: above 1.0, nodeshim is
// faster.

const fs = require('fs');

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** 145230000 -> "145.2 M" */
function human(opsPerSec) {
  if (opsPerSec === undefined) return 'n/a';
  const units = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [scale, unit] of units) {
    if (opsPerSec >= scale) return `${(opsPerSec / scale).toFixed(1)} ${unit}`;
  }
  return opsPerSec.toFixed(1);
}

function main() {
  const [jmhFile, nodeFile] = process.argv.slice(2);
  if (!jmhFile || !nodeFile) {
    console.error('usage: node table.js <jmh-result.json> <node-result.json>');
    process.exit(2);
  }
  const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
  const twin = JSON.parse(fs.readFileSync(nodeFile, 'utf8'));

  const java = new Map();
  let jdk = 'unknown JDK';
  for (const r of jmh) {
    if (r.primaryMetric.scoreUnit !== 'ops/s') {
      throw new Error(`${r.benchmark}: expected ops/s, got ${r.primaryMetric.scoreUnit}`);
    }
    const id = r.benchmark.slice(r.benchmark.lastIndexOf('.') + 1);
    java.set(id, median(r.primaryMetric.rawData.flat()));
    jdk = `${r.vmName} ${r.jdkVersion} (${r.vmVersion})`;
  }

  const header = ['row', 'nodeshim ops/s', 'Node ops/s', 'nodeshim/Node'];
  const lines = [];
  for (const row of twin.rows) {
    const j = java.get(row.id);
    const n = median(row.samples);
    lines.push([row.name, human(j), human(n), j === undefined ? 'n/a' : (j / n).toFixed(2)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join(' | ') + ' |';
  console.log(`JDK: ${jdk}`);
  console.log(`Node: ${twin.node} (V8 ${twin.v8})`);
  console.log('');
  console.log(fmt(header));
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const l of lines) console.log(fmt(l));
}

main();
