package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs conformance cases on nodeshim and reports what differs from Node.
 *
 * <pre>
 *   java -cp … dev.nodeshim.conformance.ConformanceRunner [--timeout=SECONDS] [FILE_OR_DIR…]
 * </pre>
 *
 * With no paths it runs the committed cases ({@link CaseFiles#committedCases()}); a folder means every
 * {@code *.jsonl} under it. Prints each failure (id, expected, actual, first difference), then one line
 * per module ({@code events: N passed, M failed}), then {@code N passed, M failed}. Exit status 0 only
 * when nothing failed (and something ran).
 *
 * <p>Each case runs on a worker thread with a time limit (default 10 s): a case that hangs fails and
 * its thread is abandoned (daemon), so one hang cannot stop the suite. An unknown probe, an unreadable
 * line, a case a probe cannot express ({@link Inexpressible}) and any unexpected Java exception are
 * failures, never skips.
 */
public final class ConformanceRunner {
    /** The result of one case: {@code actual} is the outcome JSON the Java side produced, if any. */
    public record Result(Case testCase, boolean passed, JsonNode actual, String detail) {
    }

    private final ProbeRegistry registry;
    private final Duration timeout;
    private ExecutorService worker;

    public ConformanceRunner(ProbeRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    /** A runner with every probe and the default time limit. */
    public static ConformanceRunner standard() {
        return new ConformanceRunner(ProbeRegistry.standard(), Duration.ofSeconds(10));
    }

    public static void main(String[] args) {
        Duration timeout = Duration.ofSeconds(10);
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--timeout=")) {
                timeout = Duration.ofMillis((long) (Double.parseDouble(a.substring("--timeout=".length())) * 1000));
            } else if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: ConformanceRunner [--timeout=SECONDS] [case file or folder]...");
                System.exit(0);
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            paths.add(CaseFiles.committedCases());
        }
        List<Case> cases = new ArrayList<>();
        for (Path f : CaseFiles.expand(paths)) {
            cases.addAll(CaseFiles.read(f));
        }
        ConformanceRunner runner = new ConformanceRunner(ProbeRegistry.standard(), timeout);
        List<Result> results = runner.runAll(cases);
        int failed = report(results, System.out);
        System.out.flush();
        System.exit(failed == 0 && !results.isEmpty() ? 0 : 1);
    }

    /** Runs the cases in order. */
    public List<Result> runAll(List<Case> cases) {
        List<Result> results = new ArrayList<>(cases.size());
        try {
            for (Case c : cases) {
                results.add(run(c));
            }
        } finally {
            if (worker != null) {
                worker.shutdownNow();
                worker = null;
            }
        }
        return results;
    }

    /** Runs one case and compares its outcome with the expected one. */
    public Result run(Case c) {
        if (c.problem() != null) {
            return new Result(c, false, null, c.problem());
        }
        Probe probe = registry.get(c.probe());
        if (probe == null) {
            return new Result(c, false, null, "unknown probe \"" + c.probe() + "\"");
        }
        JsonNode actual;
        try {
            actual = perform(probe, c);
        } catch (Inexpressible e) {
            return new Result(c, false, null, "cannot be expressed in Java: " + e.getMessage());
        } catch (TimeoutException e) {
            return new Result(c, false, null, "timed out after " + timeout.toMillis() + " ms");
        } catch (IllegalArgumentException e) {
            return new Result(c, false, null, "result has no case encoding: " + e.getMessage());
        }
        Values.Difference d = Values.firstDifference(c.out(), actual);
        return new Result(c, d == null, actual, d == null ? null : "first difference at " + d);
    }

    private JsonNode perform(Probe probe, Case c) throws TimeoutException {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "conformance-case");
                t.setDaemon(true);
                return t;
            });
        }
        Future<JsonNode> f = worker.submit(() -> {
            Object value;
            try {
                value = probe.run(c.in());
            } catch (Inexpressible e) {
                throw e;
            } catch (Throwable t) {
                return Outcome.threw(t, c.out());
            }
            return Outcome.ok(value);
        });
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = null;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Inexpressible ie) {
                throw ie;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Prints every failure, one summary line per module and the total line; returns the number failed.
     */
    public static int report(List<Result> results, PrintStream out) {
        Map<String, int[]> perModule = new TreeMap<>();
        int passed = 0;
        int failed = 0;
        for (Result r : results) {
            int[] counts = perModule.computeIfAbsent(r.testCase().module(), k -> new int[2]);
            if (r.passed()) {
                counts[0]++;
                passed++;
                continue;
            }
            counts[1]++;
            failed++;
            Case c = r.testCase();
            out.println("FAIL " + c.label() + "  (" + (c.probe() == null ? "?" : c.probe()) + ", " + c.source() + ":"
                    + c.line() + ")");
            out.println("  expected: " + Values.toJson(c.out()));
            out.println("  actual:   " + (r.actual() == null ? "(none)" : Values.toJson(r.actual())));
            if (r.detail() != null) {
                out.println("  " + r.detail());
            }
        }
        for (Map.Entry<String, int[]> e : perModule.entrySet()) {
            out.println(e.getKey() + ": " + e.getValue()[0] + " passed, " + e.getValue()[1] + " failed");
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }
}
