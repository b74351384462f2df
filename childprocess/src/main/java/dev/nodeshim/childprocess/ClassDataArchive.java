package dev.nodeshim.childprocess;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * A class-data-sharing archive (AppCDS) for the JVMs that {@code fork} starts: the classes a fork child
 * loads on its way to the program's main (ForkMain, {@code process}, the IPC channel, the event loop, the
 * JDK classes they use, the program's main class), parsed and laid out once, then mapped by every
 * child (and shared between them in memory).
 *
 * <p><b>Where.</b> One archive per java and class path, in a directory only our user may write:
 * {@code $XDG_CACHE_HOME/nodeshim/cds} or {@code ~/.cache/nodeshim/cds}, or the system property
 * {@value #DIR}. The file is {@code <key>-<length>-<crc>.jsa} ({@code .aot} on JDK 25+): the key hashes
 * {@code java.home}, {@code java.vm.version}, {@code os.arch}, the class path and each entry's size and
 * modification time, so a changed jar or class path never meets an archive made for another. The length
 * is checked before each use and the CRC-32C once per parent process (again when the file's time or size
 * changes): a JVM given a damaged archive does not ignore it but dies — JDK 17 of SIGBUS on a truncated
 * one, JDK 17 and 25 of SIGABRT/SIGSEGV on 4 KiB flipped anywhere in it (observed). The JVM's own
 * check ({@code -XX:+VerifySharedSpaces}) would cost every child a pass over 3–16 MB instead.
 *
 * <p><b>How it is made.</b> The first fork that finds no archive starts, beside the child and at the
 * lowest priority ({@code nice -n 19}), a short <i>training</i> ({@link ClassDataTraining}): a JVM that
 * forks one child through the real fork path with {@code -XX:ArchiveClassesAtExit} writing a temporary
 * file (on JDK 25 and later {@code -XX:AOTCacheOutput}: an AOT cache, JEP 483/514, whose classes are also
 * linked; about a fifth faster than the dynamic archive there); when that child has answered and exited
 * with 0, the training renames the file into place (one {@code rename}: a reader sees no name or a whole
 * archive) and removes the lock. A lock file ({@code <key>.lock},
 * created exclusively; stale after two minutes) keeps two parents, or two forks of one parent, from
 * training at once: forks that start meanwhile run without an archive. The program's own children never
 * dump (a worker killed by SIGKILL would never write one, and the dump would delay its exit and print to
 * its stdout). The same way serves JDK 17 and JDK 19+ ({@code -XX:+AutoCreateSharedArchive} dumps at the
 * child's exit, which has the same problems). At most {@value #KEEP} archives are kept.
 *
 * <p><b>Using it.</b> A child gets {@code -XX:SharedArchiveFile=<archive> -Xlog:cds*=off} (JDK 25+:
 * {@code -XX:AOTCache=<cache> -Xlog:aot*=off,cds*=off}) before the
 * user's {@code execArgv}: an archive the JVM finds unusable (another JVM build, other GC or pointer
 * options) is then ignored silently, and the user's own {@code -Xlog} options still win. Nothing is added
 * when {@value #ENABLED} is {@code false}; when {@code execArgv}, {@code JDK_JAVA_OPTIONS} or
 * {@code JAVA_TOOL_OPTIONS} already speak of class data sharing ({@code -Xshare:…},
 * {@code -XX:SharedArchiveFile}, {@code -XX:ArchiveClassesAtExit}, {@code -XX:AOT…}, …) or use an
 * argument file (the user decides); when {@code execPath} is another java; and when the class path holds
 * anything but files (the JVM cannot archive classes from directories: under Maven's test runs).
 */
final class ClassDataArchive {
    /** The system property that turns the archive off ({@code false}). */
    static final String ENABLED = "nodeshim.fork.classDataSharing";
    /** The system property naming the archives' directory (created {@code rwx------} if missing). */
    static final String DIR = "nodeshim.fork.classDataSharing.dir";
    /** How many archives the directory keeps (the newest). */
    static final int KEEP = 8;
    /** A lock or temporary file older than this was left by a training that died. */
    static final long STALE_MS = 120_000;

    /** JDK 25+: an AOT cache ({@code -XX:AOTCacheOutput} in one step) instead of a dynamic archive. */
    static final boolean AOT = Runtime.version().feature() >= 25;
    /** The archives' file suffix. */
    static final String SUFFIX = AOT ? ".aot" : ".jsa";

    /** Options that mean the user manages class data sharing; their presence disables ours. */
    private static final List<String> USER_CDS = List.of("-Xshare", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:-AutoCreateSharedArchive",
            "-XX:+UseSharedSpaces", "-XX:-UseSharedSpaces", "-XX:SharedClassListFile", "-XX:DumpLoadedClassList",
            "-XX:+RecordDynamicDumpInfo", "-XX:AOT", "-XX:CacheDataStore", "-XX:Flags", "-XX:VMOptionsFile", "@");

    private static final Path NICE = Path.of("/usr/bin/nice");

    /** Trainings this JVM started, by key (tests wait for them: {@link #awaitTraining}). */
    private static final Map<String, Process> TRAINING = new ConcurrentHashMap<>();
    /** Archives whose CRC this process has checked: path → size/time/crc when checked. */
    private static final Map<Path, String> VERIFIED = new ConcurrentHashMap<>();

    private ClassDataArchive() {}

    /**
     * The JVM options that give a fork child the archive (empty when there is none yet or none applies);
     * the first fork without one also starts its training.
     *
     * @param ownJava the child runs this JVM's java ({@code execPath} not given)
     * @param execArgv the user's JVM options
     * @param env the child's environment
     * @param classPath the child's class path (absolute entries)
     * @param mainClass the program's main class (the training loads it, without initializing it)
     */
    static List<String> options(boolean ownJava, List<String> execArgv, Map<String, String> env, String classPath,
            String mainClass) {
        try {
            if (!ownJava || "false".equalsIgnoreCase(System.getProperty(ENABLED, "true"))
                    || userManages(execArgv, env)) {
                return List.of();
            }
            String key = key(classPath);
            Path dir = key == null ? null : directory();
            if (dir == null) {
                return List.of();
            }
            Path archive = find(dir, key);
            if (archive != null) {
                return AOT ? List.of("-XX:AOTCache=" + archive, "-Xlog:aot*=off,cds*=off")
                        : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
            }
            train(dir, key, classPath, mainClass);
        } catch (IOException | RuntimeException e) {
            // An archive is only a speed-up: without one the child starts as before.
        }
        return List.of();
    }

    /** Whether the user's own options (or the launcher's environment variables) touch class data sharing. */
    static boolean userManages(List<String> execArgv, Map<String, String> env) {
        for (String a : execArgv) {
            if (speaksOfCds(a)) {
                return true;
            }
        }
        for (String var : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            String v = env == null ? null : env.get(var);
            if (v != null) {
                for (String a : v.trim().split("\\s+")) {
                    if (speaksOfCds(a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean speaksOfCds(String option) {
        for (String p : USER_CDS) {
            if (option.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The archive's key for this JVM and {@code classPath}: 32 hex digits, or null when an entry is not
     * a regular file (a directory, or missing: nothing to archive from, or a class path that may change).
     */
    static String key(String classPath) throws IOException {
        if (classPath.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder("nodeshim-cds-1\n")
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n')
                .append(System.getProperty("os.arch")).append('\n')
                .append(classPath).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
            } catch (IOException e) {
                return null;
            }
            if (!a.isRegularFile()) {
                return null;
            }
            s.append(a.size()).append(':').append(a.lastModifiedTime().toMillis()).append('\n');
        }
        return hex(hash(s, 0xcbf29ce484222325L, 0x100000001b3L)) + hex(hash(s, 0x84222325cbf29ce4L, 0x9e3779b97f4a7c15L));
    }

    /** A 64-bit multiplicative hash of {@code s} (FNV-1a with {@code seed} and {@code prime}), mixed at the end. */
    private static long hash(CharSequence s, long seed, long prime) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * prime;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }

    /** The archives' directory: made if missing, and used only when it is ours and nobody else may write in it. */
    static Path directory() throws IOException {
        String given = System.getProperty(DIR);
        Path dir;
        if (given != null && !given.isEmpty()) {
            dir = Path.of(given).toAbsolutePath();
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cache = xdg != null && xdg.startsWith("/") ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".cache");
            dir = cache.resolve("nodeshim").resolve("cds");
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made by another fork meanwhile: checked below like any other
            }
        }
        return isPrivate(dir) ? dir : null;
    }

    /** Owned by our user (the owner of /proc/self), not writable by group or others. */
    private static boolean isPrivate(Path dir) throws IOException {
        Map<String, Object> a = Files.readAttributes(dir, "unix:uid,mode");
        Object ours = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int mode = (Integer) a.get("mode");
        return a.get("uid").equals(ours) && (mode & 0022) == 0;
    }

    /**
     * The archive for {@code key} whose length and CRC-32C are the ones in its name, or null. A file that
     * fails either (truncated, damaged, or named otherwise) is removed, so that the next fork trains again.
     */
    static Path find(Path dir, String key) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, key + "-*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String[] parts = name.substring(key.length() + 1, name.length() - SUFFIX.length()).split("-", -1);
                if (parts.length == 2 && intact(f, parts[0], parts[1])) {
                    return f;
                }
                Files.deleteIfExists(f);
            }
        }
        return null;
    }

    /** The archive's name for {@code base} ({@code dir/key}) once {@code file} is complete. */
    static Path nameFor(Path file, String base, String suffix) throws IOException {
        return Path.of(base + "-" + Files.size(file) + "-" + Long.toHexString(checksum(file)) + suffix);
    }

    private static boolean intact(Path f, String length, String crc) throws IOException {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        if (!Long.toString(a.size()).equals(length)) {
            return false;
        }
        String seen = a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + crc;
        if (seen.equals(VERIFIED.get(f))) {
            return true;
        }
        if (!Long.toHexString(checksum(f)).equals(crc)) {
            return false;
        }
        VERIFIED.put(f, seen);
        return true;
    }

    private static long checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf.clear()) > 0) {
                crc.update(buf.flip());
            }
        }
        return crc.getValue();
    }

    /**
     * Starts the training for {@code key} unless one runs (here, or in another process that holds the
     * lock). The training renames the dump into place and removes the lock ({@link ClassDataTraining}).
     */
    private static void train(Path dir, String key, String classPath, String mainClass) throws IOException {
        Process running = TRAINING.get(key);
        if (running != null && running.isAlive()) {
            return; // (a training that has ended may still be in the map: onExit removes it later)
        }
        Path lock = dir.resolve(key + ".lock");
        if (!lock(lock)) {
            return;
        }
        prune(dir);
        Path tmp = dir.resolve(key + "." + ProcessHandle.current().pid() + ".tmp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            // the training must not slow the fork that is starting beside it (2 cores: it did, 190 -> 990 ms)
            cmd.addAll(List.of(NICE.toString(), "-n", "19"));
        }
        cmd.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-D" + ENABLED + "=false", "-cp", classPath,
                ClassDataTraining.class.getName(),
                (AOT ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + tmp,
                AOT ? "-Xlog:aot*=off,cds*=off" : "-Xlog:cds*=off",
                tmp.toString(), dir.resolve(key).toString(), SUFFIX, lock.toString(), mainClass));
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD);
            // this process's own channel (when it is a fork child) and cluster role are not the training's
            pb.environment().keySet().removeAll(List.of("NODE_UNIQUE_ID", "NODE_CHANNEL_FD",
                    "NODE_CHANNEL_SERIALIZATION_MODE", IpcChannel.ENV_PATH, IpcChannel.ENV_SERIALIZATION));
            p = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(lock);
            throw e;
        }
        TRAINING.put(key, p);
        p.onExit().thenRun(() -> TRAINING.remove(key, p));
    }

    /** Takes the lock file; a lock older than {@link #STALE_MS} is taken over. */
    private static boolean lock(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!isStale(lock)) {
                return false;
            }
            Files.deleteIfExists(lock);
            try {
                Files.createFile(lock);
                return true;
            } catch (FileAlreadyExistsException again) {
                return false;
            }
        }
    }

    private static boolean isStale(Path f) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis() > STALE_MS;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps the {@code KEEP - 1} newest archives (a new one is coming) and removes stale temporary files. */
    private static void prune(Path dir) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jsa,aot,tmp,config}")) {
            for (Path f : files) {
                String name = f.toString();
                if (!name.endsWith(".jsa") && !name.endsWith(".aot")) {
                    if (isStale(f)) {
                        Files.deleteIfExists(f);
                    }
                } else {
                    archives.add(f);
                }
            }
        }
        if (archives.size() < KEEP) {
            return;
        }
        archives.sort(Comparator.comparingLong(ClassDataArchive::modified).reversed());
        for (Path old : archives.subList(KEEP - 1, archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Waits until every training this JVM started has ended (for tests). */
    static void awaitTraining() throws InterruptedException {
        for (Process p : List.copyOf(TRAINING.values())) {
            p.waitFor();
        }
    }
}
