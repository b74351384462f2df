package dev.nodeshim.childprocess;

/**
 * What the CompletableFuture twins of exec/execFile complete with (Node's promisified
 * {@code {stdout, stderr}}). On failure they complete exceptionally with the callback's error, which
 * then also carries {@code stdout} and {@code stderr} props, as Node's rejection does.
 */
public record ExecResult(Object stdout, Object stderr) {}
