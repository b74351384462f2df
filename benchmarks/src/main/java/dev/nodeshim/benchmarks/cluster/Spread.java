package dev.nodeshim.benchmarks.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How many established TCP connections on a local port a process holds, from {@code /proc} (Linux): the
 * sockets among its descriptors whose inode {@code /proc/net/tcp} or {@code tcp6} lists with that local
 * port in state ESTABLISHED. {@code bin/bench cluster} reports it per worker: while JVM workers were
 * still warming up, the requests/s of the closed-loop load on 2 shared cores depended on how the
 * connections were split between them (cluster/README.md, "Why SCHED_RR was below SCHED_NONE").
 */
final class Spread {
    private Spread() {}

    /** The count for each of {@code pids}, in order; -1 for a process that cannot be read. */
    static List<Integer> of(List<Long> pids, int port) {
        Set<String> inodes = established(port);
        return pids.stream().map(pid -> count(pid, inodes)).toList();
    }

    private static int count(long pid, Set<String> inodes) {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException gone) {
                    continue; // closed meanwhile
                }
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    n++;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }

    /** Inodes of the sockets established on local port {@code port}. */
    private static Set<String> established(int port) {
        Set<String> inodes = new HashSet<>();
        String local = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue; // no IPv6
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && f[1].endsWith(local) && f[3].equals("01")) {
                    inodes.add(f[9]);
                }
            }
        }
        return inodes;
    }
}
