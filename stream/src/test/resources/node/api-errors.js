// Argument errors of pipeline, finished and pipe, as node words them.
const { pipeline, finished, Readable, Writable } = require('stream');
const log = (...a) => console.log(a.join(' '));
const tryIt = (name, f) => { try { f(); log(name, 'ok'); } catch (e) { log(name, e.name, e.code, e.message); } };
tryIt('pipeline one stream', () => pipeline(new Readable({ read() {} }), () => {}));
tryIt('pipeline no callback', () => pipeline(new Readable({ read() {} }), new Writable(), null));
tryIt('finished null stream', () => finished(null, () => {}));
tryIt('finished no callback', () => finished(new Readable({ read() {} }), null));
tryIt('pipe to null', () => new Readable({ read() {} }).pipe(null));
