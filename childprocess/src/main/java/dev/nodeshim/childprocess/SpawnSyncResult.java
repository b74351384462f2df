package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * What {@code spawnSync} returns, with Node's fields. {@code stdout}/{@code stderr} are {@link
 * dev.nodeshim.buffer.Buffer}s with encoding {@code "buffer"} (the default) and Strings with a named
 * encoding; both are {@code null} when the child could not be started.
 *
 * @param pid    the child's pid, 0 when it could not be started
 * @param output {@code [null, stdout, stderr]}, or {@code null} when the child could not be started
 * @param stdout the child's standard output
 * @param stderr the child's standard error
 * @param status the exit code, {@code null} when the child died by a signal or was not started
 * @param signal the name of the signal that killed the child, or {@code null}
 * @param error  {@code ENOENT}/{@code EACCES} when it could not start, {@code ETIMEDOUT} after a
 *               timeout, {@code ENOBUFS} after maxBuffer was exceeded, else {@code null}
 */
public record SpawnSyncResult(long pid, List<Object> output, Object stdout, Object stderr, Integer status,
        String signal, NodeError error) {}
