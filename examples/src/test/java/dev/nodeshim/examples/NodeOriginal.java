package dev.nodeshim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a ported example and checks its lines against its Node original,
 * {@code src/test/resources/<module>/<Name>.js} ({@code <module>} is the last part of the example's
 * package): always against the committed output of that script ({@code <Name>.expected.txt}, made by
 * {@code node <Name>.js > <Name>.expected.txt}), and, when {@code node} is on the PATH, against what
 * node prints right now.
 */
public final class NodeOriginal {
    private NodeOriginal() {
    }

    /** The lines {@code example} prints through the consumer it is given. */
    public static List<String> capture(Consumer<Consumer<String>> example) {
        List<String> lines = new ArrayList<>();
        example.accept(lines::add);
        return lines;
    }

    /** Asserts that {@code javaLines} are what {@code <module>/<Name>.js} prints, for the example class. */
    public static void assertSameOutput(Class<?> example, List<String> javaLines) {
        String pkg = example.getPackageName();
        String folder = pkg.substring(pkg.lastIndexOf('.') + 1);
        String name = example.getSimpleName();
        List<String> committed = lines(read(resource(folder, name + ".expected.txt")));
        assertEquals(committed, javaLines, name + ": the Java port differs from " + name + ".expected.txt");
        Optional<Path> node = findNode();
        if (node.isPresent()) {
            List<String> live = runNode(node.get(), path(resource(folder, name + ".js")), List.of());
            assertEquals(live, javaLines, name + ": the Java port differs from what `node " + name + ".js` prints");
        }
    }

    /**
     * The Node original of {@code example} as a file, {@code <module>/<Name>.js}: for ports that run a
     * part of it (a worker that stays in Node) with a real {@code node}.
     */
    public static Path script(Class<?> example) {
        String pkg = example.getPackageName();
        return path(resource(pkg.substring(pkg.lastIndexOf('.') + 1), example.getSimpleName() + ".js"));
    }

    private static URL resource(String folder, String file) {
        URL url = NodeOriginal.class.getResource("/" + folder + "/" + file);
        if (url == null) {
            fail("missing test resource " + folder + "/" + file);
        }
        return url;
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.lines().toList());
        return out;
    }

    /** {@code node} on the PATH, if any. */
    public static Optional<Path> findNode() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "node");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The lines {@code node <Name>.js args…} prints (exit code 0 asserted), for a port that is run by
     * its Node original: a Java worker behind a node parent. Needs {@code node} on the PATH.
     */
    public static List<String> runOriginal(Class<?> example, List<String> args) {
        Path node = findNode().orElseThrow(() -> new IllegalStateException("no node on the PATH"));
        return runNode(node, script(example), args);
    }

    private static List<String> runNode(Path node, Path script, List<String> args) {
        try {
            List<String> command = new ArrayList<>(List.of(node.toString(), script.getFileName().toString()));
            command.addAll(args);
            Process p = new ProcessBuilder(command)
                    .directory(script.getParent().toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("node " + script + " did not finish");
            }
            assertEquals(0, p.exitValue(), "node " + script + " exit code");
            return lines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
