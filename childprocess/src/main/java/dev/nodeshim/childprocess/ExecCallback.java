package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;

/**
 * The callback of {@code exec}/{@code execFile}: {@code (error, stdout, stderr)}, called once on the
 * loop thread. stdout/stderr are Strings, or Buffers with encoding {@code "buffer"}.
 */
@FunctionalInterface
public interface ExecCallback {
    void call(NodeError error, Object stdout, Object stderr);
}
