package dev.nodeshim.events;

import java.util.concurrent.CompletionStage;

/**
 * A listener that returns a {@link CompletionStage}, Node's {@code async} listener. On an emitter
 * created with {@code captureRejections}, a stage that fails routes its error to the emitter's
 * {@code 'error'} event on the next tick. Register it through {@link Listener#async(AsyncListener)}.
 */
@FunctionalInterface
public interface AsyncListener {
    CompletionStage<?> call(Object[] args);
}
