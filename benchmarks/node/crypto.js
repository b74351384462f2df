'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/crypto/CryptoBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc):
// inputs come from the same xorshift32 generator with the same seed, built once before measuring;
// each operation's result goes to a sink; every row's output is checked once before measuring and
// once after against the SHA-256 fingerprints in EXPECTED (the same table as the Java side's), so a
// broken implementation cannot post a fast score.
//
// Measurement (one node process per row, a calibrated batch, JMH's warmup and iteration counts)
// is harness.js's, shared by the twins.
//
// Usage:
//   node crypto.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node crypto.js --row <id> ...        (one row in this process; prints one JSON line)
//   node crypto.js --fingerprints        (prints the EXPECTED table from this node)

const crypto = require('crypto');
const assert = require('assert');
const { main, batchOf } = require('./harness');

const SEED = 0x2545F491;
const MIB = 1 << 20;

const hash = (alg) => (s) => crypto.createHash(alg).update(s.mib).digest();
const encrypt = (alg, ivName) => (s) => {
  const c = crypto.createCipheriv(alg, s.key, s[ivName]);
  const body = Buffer.concat([c.update(s.mib), c.final()]);
  return alg.endsWith('gcm') || alg.endsWith('poly1305') ? Buffer.concat([body, c.getAuthTag()]) : body;
};

/** Each row: id (the JMH method name), the name printed in the table, and the operation. */
const ROWS = [
  { id: 'md5', name: 'md5 1 MiB', op: hash('md5') },
  { id: 'sha1', name: 'sha1 1 MiB', op: hash('sha1') },
  { id: 'sha256', name: 'sha256 1 MiB', op: hash('sha256') },
  { id: 'sha512', name: 'sha512 1 MiB', op: hash('sha512') },
  { id: 'sha3_256', name: 'sha3-256 1 MiB', op: hash('sha3-256') },
  { id: 'blake2b512', name: 'blake2b512 1 MiB', op: hash('blake2b512') },
  { id: 'hmacSha256', name: 'HMAC-SHA256 1 MiB', op: (s) => crypto.createHmac('sha256', s.key).update(s.mib).digest() },
  { id: 'aes256Gcm', name: 'aes-256-gcm encrypt 1 MiB', op: encrypt('aes-256-gcm', 'iv12') },
  { id: 'aes256Cbc', name: 'aes-256-cbc encrypt 1 MiB', op: encrypt('aes-256-cbc', 'iv16') },
  { id: 'aes256Ctr', name: 'aes-256-ctr encrypt 1 MiB', op: encrypt('aes-256-ctr', 'iv16') },
  { id: 'chacha20Poly1305', name: 'chacha20-poly1305 encrypt 1 MiB', op: encrypt('chacha20-poly1305', 'iv12') },
  { id: 'sha256Small', name: "createHash('sha256').update(64 B).digest('hex')", op: (s) => crypto.createHash('sha256').update(s.small).digest('hex') },
  { id: 'pbkdf2Sha256', name: 'pbkdf2Sync sha256 1000 iter, 32 B', op: (s) => crypto.pbkdf2Sync(s.password, s.salt, 1000, 32, 'sha256') },
  // ECDSA signatures are randomised: that row is checked by verifying its output, not by a fingerprint
  { id: 'signEcdsaP256', name: "sign('sha256', 64 B, P-256 key)", op: (s) => crypto.sign('sha256', s.small, s.p256),
    verify: (s, sig) => crypto.verify('sha256', s.small, s.p256Public, sig) },
  { id: 'signEd25519', name: 'sign(null, 64 B, Ed25519 key)', op: (s) => crypto.sign(null, s.small, s.ed25519) },
  { id: 'signRsa2048', name: "sign('sha256', 64 B, RSA-2048 key)", op: (s) => crypto.sign('sha256', s.small, s.rsa2048) },
];

/** Fixed keys for the sign rows (made once by node; the same PEMs as CryptoBenchmark's). */
const P256_PEM = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgvGgJUVRdufJjTLV7\npgXWCL0lFKXMN15HNNzn7MPqHq2hRANCAAStIR+h+QejGUuZzUbPLxKjz3zSUFac\nLGYE0DQkyAUl9NncYO7Y9hprziTCyX/UL8UzM8SJnENFyDIhxPNa+4JX\n-----END PRIVATE KEY-----\n";
const ED25519_PEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEICGv+K1/ytUiOR1cNmN9HRc6jdqJ1rp9oy0FmsazgL66\n-----END PRIVATE KEY-----\n";
const RSA2048_PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDbMC4hMYYVgi/I\n2TXtc3DftOkkPLmQv8kDp1zOWgOPqecPr7ZjbcqkE1WG0N8kGj1Vl/qVnIVeb9vi\nyjSRfAxfV1NjJwESEwe7ZUMJM8WXJ6v8AjDzwLjRRMSNeNhfGlqPvilnVRXxLIBx\n4Wi37GaOyMJYO1YJgjjqrmgFD7MGy9nkrfd3kp9tfNUfBnXh/F2agbFoKyRZSRQK\nB+kzHxly3lDAFjcrzvwNXs5h8BHtdHHP10AawCZ2lBEB5X5OrMO1yelcA63vDYFi\nd5NbPnGIyJSpFAqNB/2SuhqvyI6Ib4N2hunMCrS4A+iJi2FEl4/schvpZqXIJj3B\nvPpou9JNAgMBAAECggEAGL0Z38OMANPLmo2FgXzfjFLfY33PwI9yMSLhHdCECWF2\n7krPOO6p30CSt8oi/UX8OTO+ORz24pSZH+zhklq1Yhy5kSh+/Zq/QH5/2piIyx7T\npvhaV7tJ63ipqdauA8yLfyDKjIVKb4jYdcH9WeY+dwwf/z8HNBXfYFbPRQ74uPdF\n77d1PDcCS3UsSNmd9Qc+QgHCoacbwKOjQXGrx6ni+fVOKDxGH8yP2K9P20rIw3jk\nSPhqlf5cFmn48dKv99hqPbXAi05mnazkcqE9TgA7UkkTc+cZ9G/dhC4ZWm2llHMa\nZmD59j3jrcP8UWXIPsGt/JFXzGucLnL5dcsA/sIe8wKBgQDxeKORyIxG/q6M92mX\nQyXpraRkT/ASQ4OtbCpBrvVNRVf/e6b4ig1xKki330XT4viGbebYxmLk68Pi3KXx\nhm8H9wHIDcWC+zK9ISN3jfpGTOf0xZ3wuS8aJZrjmYI568KYcCmnfYrXbUyyiiWN\nkJ3Zwqdlg1NM3SoOGDDwq5F5vwKBgQDoYFFEc+Lb4uMIiTzeqtcZuvIOZZ7gO7CD\nDpdZYTUw1Uc7Z4CFBONir3pp1DYgOMq13SitNAp9l3SBPPxYf27KClWWVddtO5Ib\nDgfrEzL36FV5mA0kKbJBHjzCSPu31vCYoFKfRAYToQgXGHIbvbzmc72hBiofYLKk\n8zhcHhc+8wKBgEts6nLkGOUoMm+37JSiFdqbMalfytZ5nkzyZ3Si6N6dFXKpNiuW\nO8KoeZRtuosH76dV9vCpb0SgXEylrXP3EQGE51qM6rASNPQcwM5cW9vPs/iiLcZ+\nobbiHjKPxby/5sXk6y31KgRGkNmIC1jf3l6hzdYIomF1B+jlJ4xVmxhTAoGBALg/\nHlCTPg2wkOjEv9GhTZnmI2SM6HLMgQD5AcHplF4azTbpsvpFTPGDRyFAFIZp4Thf\nmY/zUloQS1zpeP/GUpa5qPDhMUU31XnEHz0hZOkxewxFJi5FLUP6cJxvd75lGzE4\n9Sm4qsTHin2dcWRThcKHhJR3KdDlP+APxOEtLqtHAoGBAMVkHVV350wLZzuCQMic\nr+PJUTbLcG3i1UxQKNEwTVNLeJhcF0ehgj8Ov4RJq9BrQjjRZ3C1fq6RyfBqLbJD\nBU0onvdruXM/t3ZEEBNlF2FOHpSIiBwhltuWxHnlbghxllG6nFBpVa4HWiWXlsgK\nwei4UcntOBMwGtADuueIs/Ew\n-----END PRIVATE KEY-----\n";

/** SHA-256 (hex) of each row's output on these inputs, printed by node (`--fingerprints`). */
const EXPECTED = {
  md5: 'b5be6181385d9bc6b7f0f54905704229b93361c81807617bbd92b1c9ee23c38d',
  sha1: '66d33f6f4493c2428d49945a07da70cd1855e7deadb69a6b1de6630078c5cb1b',
  sha256: 'a0a5a6724cf96765a2e8017a03726e36486103095bb3f6ff73965d8871ca5487',
  sha512: '5c810a492c326ed6c72328e3ae5dc3366bc6949f4d2f62d13087b64d2855269c',
  sha3_256: '73c11cc6a9576bee12d57cb0155b5395cc51f8fcff31d0c0e738023180010da9',
  blake2b512: '8c3a168a037254a9214ebc71e041f1b8470b58023a0250d49808bb2547cc09a8',
  hmacSha256: '3993854d7f594ef34cd2c79b7b391f97a02cedb7d46606b57d4487d7abbfdcc6',
  aes256Gcm: '8d3ec2944197c5a1edf156c50880db21a508a37735c04e40c302c4d959a805b1',
  aes256Cbc: '67a1b5be32207618788840405fa9bc3a8783dbfd79d35371467927f3bf043f59',
  aes256Ctr: 'a0c7d27d4772f436097967da72df03508891edf2f2bb9a574cbcd70e24ec4260',
  chacha20Poly1305: '625b92140440c582f5bcfb4c5e1d91b507344ed46180b07c352488fb5a4017d0',
  sha256Small: 'daf2ec151e27355468db2f2a8152bcd5992c1c2e8956ebb8995e4302038f5277',
  pbkdf2Sha256: 'b0e04dbb7cf79196a2e79d930dcfe7b334a39af2c64647507b198856fecfde56',
  signEd25519: '943d576cd356fec1433c6b0f24682331300bd9ea8c6385c131b42aa7f032f3c0',
  signRsa2048: '79031fcd45c88a0db47948f245f36e9ce89ea2509a07fd17f2e54296e2055e71',
};

/** The inputs, byte for byte those of CryptoBenchmark.setup(). */
function newState() {
  let x = SEED | 0;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x;
  };
  const bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = next() & 0xFF;
    return b;
  };
  const key = bytes(32);
  const iv12 = bytes(12);
  const iv16 = bytes(16);
  const small = bytes(64);
  const password = bytes(16);
  const salt = bytes(16);
  const mib = bytes(MIB);
  const p256 = crypto.createPrivateKey(P256_PEM);
  return { key, iv12, iv16, small, password, salt, mib, sink: undefined, p256, p256Public: crypto.createPublicKey(p256),
    ed25519: crypto.createPrivateKey(ED25519_PEM), rsa2048: crypto.createPrivateKey(RSA2048_PEM) };
}

const fingerprint = (r) => crypto.createHash('sha256').update(typeof r === 'string' ? Buffer.from(r, 'latin1') : r).digest('hex');

function check(s) {
  for (const row of ROWS) {
    if (row.verify) assert.ok(row.verify(s, row.op(s)), row.id);
    else assert.strictEqual(fingerprint(row.op(s)), EXPECTED[row.id], row.id);
  }
}

main({
  file: __filename,
  rows: ROWS,
  firstBatch: 1,
  prepare: (row) => {
    const s = newState();
    check(s);
    return { run: batchOf(row.op, s), check: () => check(s) };
  },
  flags: {
    // prints the EXPECTED table above from this node (how it was made)
    '--fingerprints': () => {
      const s = newState();
      for (const row of ROWS.filter((r) => !r.verify)) process.stdout.write(`  ${row.id}: '${fingerprint(row.op(s))}',\n`);
    },
  },
});
