package dev.nodeshim.childprocess;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child started by the JDK's {@code ProcessBuilder}: used where the native library is missing. Its
 * exit status is decoded from the JDK's folded value ({@link ExitStatus#decode}), ambiguous for 129–159.
 */
final class JdkChild implements Child {
    private final Process process;

    JdkChild(Process process) {
        this.process = process;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public boolean signal(int n) {
        if (!process.isAlive()) {
            return false;
        }
        if (n == 15) {
            process.destroy();
        } else if (n == 9) {
            process.destroyForcibly();
        } else {
            try {
                // the JDK sends only SIGTERM and SIGKILL; every other signal goes through kill(1)
                new ProcessBuilder("kill", "-s", Signals.name(n).substring(3), Long.toString(process.pid()))
                        .redirectErrorStream(true).start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException("could not run kill(1)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    @Override
    public void onExit(Consumer<ExitStatus> exited) {
        PipeReaders.onExit(process, () -> exited.accept(ExitStatus.decode(process.exitValue())));
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        return ExitStatus.decode(process.waitFor());
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }
}
