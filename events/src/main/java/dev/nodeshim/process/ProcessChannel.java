package dev.nodeshim.process;

import java.util.function.Consumer;

/**
 * The IPC channel to the parent of a process started by {@code fork} (Node's {@code process.channel}),
 * as {@link NodeProcess} sees it. The events module only defines this hook; the childprocess module
 * implements it and attaches it with {@link NodeProcess#attachChannel} before the program's main runs.
 *
 * <p>The implementation emits {@code 'message'} and {@code 'disconnect'} on {@code process}, on the loop
 * thread, and decides when the channel keeps the loop alive.
 */
public interface ProcessChannel {
    /**
     * {@code process.send(message, callback)}: queues {@code message} for the parent.
     *
     * @param callback called on the loop with {@code null} once written, or with the error
     *                 ({@code ERR_IPC_CHANNEL_CLOSED}); without one, such an error is emitted as
     *                 {@code 'error'} on {@code process}
     * @return false when the channel is closed or its backlog is large (Node's return value)
     */
    boolean send(Object message, Consumer<Throwable> callback);

    /** {@code process.connected}. */
    boolean connected();

    /** {@code process.disconnect()}. */
    void disconnect();

    /** {@code process.channel.ref()}: the channel keeps the loop alive again. */
    void ref();

    /** {@code process.channel.unref()}: the channel no longer keeps the loop alive. */
    void unref();
}
