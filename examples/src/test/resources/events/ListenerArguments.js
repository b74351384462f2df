// The Node original of dev.nodeshim.examples.events.ListenerArguments (seeds/002, "将this传给监听器").
const EventEmitter = require('events');
const emitter = new EventEmitter();

emitter.on("event", function (a, b) {
    console.log(a, b);
});
emitter.on("event", (function (that) {
    return function (a, b) {
        console.log(that === emitter);
    };
})(emitter));
emitter.on("event", function (a, b, c) {
    console.log(a, b, c === undefined);
});
emitter.emit("event", 'a', 'b');
