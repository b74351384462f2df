// The Node original of dev.nodeshim.examples.events.CustomEmitter (seeds/002, "## 如何继承EventEmitter").
const EventEmitter = require("events");

class Alarm extends EventEmitter {
    ring(time) {
        this.emit("ring", time);
    }
}

const alarm = new Alarm();
alarm.on("ring", (time) => console.log(`ring at ${time}`));
alarm.ring("6:00");
console.log(alarm instanceof EventEmitter);
console.log(alarm.listenerCount("ring"));
