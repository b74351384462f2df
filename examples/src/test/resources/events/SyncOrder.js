// The Node original of dev.nodeshim.examples.events.SyncOrder (seeds/002, "## 异步还是同步").
const events = require("events");
const emitter = new events.EventEmitter();

emitter.on("test", function () {
    console.log(111);
});
emitter.emit("test");
console.log(222);

emitter.on("later", () => {
    setImmediate(() => {
        console.log('111');
    });
});
emitter.emit("later");
console.log(222);
