// The Node original of dev.nodeshim.examples.events.OnceVsOn (seeds/002, "## once方法").
const EventEmitter = require('events');
const emitter = new EventEmitter();

emitter.once("test", function () {
    console.log("once");
});
emitter.on("test", function () {
    console.log("on");
});

emitter.emit("test");
emitter.emit("test");
emitter.emit("test");
console.log(emitter.listenerCount("test"));
