// The Node original of dev.nodeshim.examples.events.ErrorEvent (seeds/002, "## 错误处理").
const EventEmitter = require('events');
const emitter = new EventEmitter();

try {
    emitter.emit('error', new Error('错误信息'));
} catch (err) {
    console.log('thrown:', String(err));
}
try {
    emitter.emit('error', 'boom');
} catch (err) {
    console.log('thrown:', err.code, err.message);
}

emitter.on('error', function (err) {
    console.log('handled:', String(err));
});
console.log(emitter.emit('error', new Error('this is a error')));
