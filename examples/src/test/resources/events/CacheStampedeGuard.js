// The Node original of dev.nodeshim.examples.events.CacheStampedeGuard (seeds/002, "## once方法",
// the 雪崩 / hot-data passage), with the seed's typos fixed and fs.readFile replaced by a counted
// slow read.
const events = require("events");
const emitter = new events.EventEmitter();
const status = {};
let reads = 0;

function slowRead(file, cb) {
    reads++;
    setTimeout(() => cb(null, 'contents of ' + file), 50);
}

function select(file, cb) {
    emitter.once(file, cb);
    if (status[file] === undefined) {
        status[file] = 'ready';
    }
    if (status[file] === 'ready') {
        status[file] = 'pending';
        slowRead(file, function (err, result) {
            emitter.emit(file, err, result);
            status[file] = 'ready';
            console.log('reads:', reads);
            setTimeout(function () {
                delete status[file];
            }, 1000);
        });
    }
}

for (let i = 0; i < 10; i++) {
    select('/a.txt', function (err, result) {
        console.log(i, err, result);
    });
}
setTimeout(() => {
    select('/a.txt', (err, result) => console.log('late', err, result));
}, 200);
