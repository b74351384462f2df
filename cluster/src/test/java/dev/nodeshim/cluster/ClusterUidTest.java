package dev.nodeshim.cluster;

import static dev.nodeshim.cluster.Cluster.cluster;
import static dev.nodeshim.cluster.NodeOut.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * setupPrimary's {@code stdio}, {@code uid} and {@code gid}, against node 20 ({@code cluster-setup-ids.js}:
 * settings and fork's errors, no worker; {@code cluster-uid.js}: a worker running as nobody, replayed by
 * {@link UidScenario} as root in a primary JVM on a class path of jars nobody may read).
 */
@ExtendWith(FreshCluster.class)
class ClusterUidTest {
    @TempDir
    Path tmp;

    /** cluster-setup-ids.js: kept as given in Node's key order; fork checks stdio, then serialization, then the ids. */
    @Test
    void settingsAreKeptAndForkChecksThem() {
        List<String> t = new ArrayList<>();
        EventLoop.run(() -> {
            cluster.setupPrimary(ClusterSettings.of().gid(5).exec("w.js").args(List.of()).uid(7));
            t.add("a " + json(cluster.settings().toMap()));
            cluster.setupPrimary(ClusterSettings.of().cwd("/tmp").stdio("pipe").serialization("advanced").uid(8));
            t.add("b " + json(cluster.settings().toMap()));
            cluster.setupPrimary(ClusterSettings.of().stdio(List.of("ignore", "pipe", "inherit", "ipc")).gid(9));
            t.add("c " + json(cluster.settings().toMap()));
            t.add(attempt(ClusterSettings.of().stdio(List.of("pipe", "pipe", "pipe"))));
            t.add(attempt(ClusterSettings.of().stdio("bogus")));
            t.add(attempt(ClusterSettings.of().stdio(List.of("pipe", "ipc", "ipc"))));
            t.add(attempt(ClusterSettings.of().stdio(List.of("pipe", "ipc", "bogus")).serialization("bogus")));
            t.add(attempt(ClusterSettings.of().stdio(List.of("pipe", "ipc")).serialization("bogus").uid(-1)));
            t.add(attempt(ClusterSettings.of().serialization("json")));
            t.add(attempt(ClusterSettings.of().uid(0).gid(-1)));
            t.add("workers " + cluster.workers().size());
        });
        assertEquals(NodeOut.lines("cluster-setup-ids.out"), t);
    }

    private static String attempt(ClusterSettings s) {
        cluster.setupPrimary(s);
        try {
            cluster.fork();
            return "forked";
        } catch (NodeError e) {
            return e.name() + " " + e.code() + " " + e.getMessage();
        }
    }

    /** See {@link UidScenario}: its output is cluster-uid.out. */
    @Test
    void aWorkerRunsAsNobodyWithTheGivenStdio() throws Exception {
        Supplier<Boolean> root = () -> {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .anyMatch(l -> l.matches("^Uid:\\s+\\d+\\s+0\\s.*"));
            } catch (IOException e) {
                return false;
            }
        };
        assumeTrue(root.get(), "a worker of another user needs root (CAP_SETUID)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
                "no util-linux setpriv");
        assumeTrue(!"jdk".equals(System.getProperty("nodeshim.childprocess.spawn")),
                "a worker of another user gets its channel as a descriptor: needs childprocess's native library");
        String cp = readableClassPath();
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-cp", cp,
                UidScenario.class.getName())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the scenario did not end");
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        assertEquals(NodeOut.lines("cluster-uid.out"), output.lines().toList());
    }

    /**
     * This JVM's class path as jars in a directory anyone may read (the build's lies partly in root's
     * private {@code ~/.m2}, which nobody cannot enter).
     */
    private String readableClassPath() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jars = Files.createDirectory(tmp.resolve("jars"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> cp = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            Path jar = jars.resolve("cp" + n++ + ".jar");
            if (Files.isDirectory(p)) {
                jarOf(p, jar);
            } else if (Files.isRegularFile(p)) {
                Files.copy(p, jar, StandardCopyOption.REPLACE_EXISTING);
            } else {
                continue;
            }
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            cp.add(jar.toString());
        }
        return String.join(File.pathSeparator, cp);
    }

    private static void jarOf(Path dir, Path jar) throws IOException {
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }
}
