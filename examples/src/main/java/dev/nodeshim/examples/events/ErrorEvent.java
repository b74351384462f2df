package dev.nodeshim.examples.events;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.events.EventEmitter;
import java.util.function.Consumer;

/**
 * Ports "## 错误处理(防止程序因错误而退出进程)" (seeds/002_8bfa7c3e83a58264.txt): an {@code 'error'}
 * emitted with no {@code 'error'} listener throws (and, uncaught, ends the process); with a listener
 * it is just an event.
 *
 * <pre>{@code
 * const EventEmitter = require('events');
 * const emitter = new EventEmitter();
 *
 * try {
 *     emitter.emit('error', new Error('错误信息'));       // no listener: throws the error itself
 * } catch (err) {
 *     console.log('thrown:', String(err));              // thrown: Error: 错误信息
 * }
 * try {
 *     emitter.emit('error', 'boom');                    // not an Error: wrapped
 * } catch (err) {
 *     console.log('thrown:', err.code, err.message);    // thrown: ERR_UNHANDLED_ERROR Unhandled error. ('boom')
 * }
 *
 * emitter.on('error', function (err) {
 *     console.log('handled:', String(err));             // handled: Error: this is a error
 * });
 * console.log(emitter.emit('error', new Error('this is a error')));   // true
 * }</pre>
 *
 * The seed lets the first emit crash the process and logs with {@code console.error(err)}, which
 * prints a stack trace; the port catches the throw and prints {@code String(err)} so the output is
 * the same on every machine. {@code new Error(msg)} is {@link NodeError#of(String)}; any
 * {@link Throwable} works as the error.
 */
public final class ErrorEvent {
    private ErrorEvent() {
    }

    public static void run(Consumer<String> out) {
        EventEmitter emitter = new EventEmitter();

        try {
            emitter.emit("error", NodeError.of("错误信息"));
        } catch (NodeError err) {
            out.accept("thrown: " + err);
        }
        try {
            emitter.emit("error", "boom");
        } catch (NodeError err) {
            out.accept("thrown: " + err.code() + " " + err.getMessage());
        }

        emitter.on("error", (Throwable err) -> out.accept("handled: " + err));
        out.accept(String.valueOf(emitter.emit("error", NodeError.of("this is a error"))));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
