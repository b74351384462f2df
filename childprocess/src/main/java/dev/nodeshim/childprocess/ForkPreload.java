package dev.nodeshim.childprocess;

/**
 * Code that runs in every JVM started by {@code fork}, before the program's main (as a module given to
 * {@code node --require} runs before the script). {@link ForkMain} finds the implementations with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.nodeshim.childprocess.ForkPreload}) and
 * calls each once the IPC channel is attached to {@code process}. The cluster module uses it so that a
 * worker reports {@code online} as it boots, whatever its program does.
 *
 * <p>An implementation decides for itself whether it applies (say, from an environment variable) and
 * must be quick: the program waits for it. Work that belongs on the program's loop is queued with
 * {@code EventLoop.beforeNextRun}.
 */
public interface ForkPreload {
    /** Called on the main thread, before the program's main. */
    void preload();
}
