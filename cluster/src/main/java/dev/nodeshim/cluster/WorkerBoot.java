package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.process.NodeProcess.process;

import dev.nodeshim.childprocess.ForkPreload;
import dev.nodeshim.loop.EventLoop;

/**
 * Starts a worker's cluster side as the worker JVM boots, as Node's worker does before the user's
 * script: in a JVM forked as a cluster worker ({@code NODE_UNIQUE_ID} set, a channel attached), the
 * program's first {@code EventLoop.run} begins by reporting {@code online} to the primary and by
 * listening to it, even when the program never calls {@link Cluster}. Found by the childprocess
 * module's {@code ForkMain} through {@code META-INF/services}; not for programs.
 */
public final class WorkerBoot implements ForkPreload {
    /** For {@link java.util.ServiceLoader}. */
    public WorkerBoot() {
    }

    @Override
    public void preload() {
        if (System.getenv(Primary.ENV_ID) != null && process.channel() != null) {
            // Any Cluster call on the loop thread starts the worker side (see Cluster#startWorker).
            EventLoop.beforeNextRun(cluster::isWorker);
        }
    }
}
