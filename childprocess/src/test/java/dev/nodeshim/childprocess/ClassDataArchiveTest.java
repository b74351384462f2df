package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClassDataArchive}: the key and where the archive lives, the opt-out, the user's options winning,
 * a truncated or damaged archive never given to a child; and, end to end in a parent JVM on a class path
 * of jars ({@link ClassDataScenario}), four first forks at once, the archive used, {@code -Xshare:off}
 * winning, a damaged and a truncated archive each kept from the child and made again.
 */
class ClassDataArchiveTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(ClassDataArchive.DIR);
        System.clearProperty(ClassDataArchive.ENABLED);
    }

    private Path jar(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void keyDependsOnTheClassPathAndEachJarsSizeAndTime() throws IOException {
        Path a = jar("a.jar", "aaaa");
        Path b = jar("b.jar", "bbbb");
        String ab = a + File.pathSeparator + b;
        String key = ClassDataArchive.key(ab);
        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertEquals(key, ClassDataArchive.key(ab));
        assertNotEquals(key, ClassDataArchive.key(b + File.pathSeparator + a));
        assertNotEquals(key, ClassDataArchive.key(a.toString()));

        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() - 5000));
        String touched = ClassDataArchive.key(ab);
        assertNotEquals(key, touched);
        FileTime t = Files.getLastModifiedTime(b);
        Files.writeString(b, "bbbbb");
        Files.setLastModifiedTime(b, t);
        assertNotEquals(touched, ClassDataArchive.key(ab));
    }

    @Test
    void noKeyForDirectoriesMissingEntriesOrNothing() throws IOException {
        Path a = jar("a.jar", "aaaa");
        assertNull(ClassDataArchive.key(a + File.pathSeparator + tmp));
        assertNull(ClassDataArchive.key(a + File.pathSeparator + tmp.resolve("missing.jar")));
        assertNull(ClassDataArchive.key(""));
    }

    @Test
    void theUsersOwnOptionsWin() {
        for (String opt : List.of("-Xshare:off", "-Xshare:auto", "-XX:SharedArchiveFile=/x.jsa",
                "-XX:ArchiveClassesAtExit=/x.jsa", "-XX:+AutoCreateSharedArchive", "-XX:-UseSharedSpaces",
                "-XX:AOTCache=app.aot", "-XX:VMOptionsFile=opts", "@argfile")) {
            assertTrue(ClassDataArchive.userManages(List.of("-Xmx64m", opt), Map.of()), opt);
        }
        assertFalse(ClassDataArchive.userManages(List.of("-Xmx64m", "-Dx=-Xshare:off", "-Xlog:class+load"), Map.of()));
        assertTrue(ClassDataArchive.userManages(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xmx1g  -Xshare:off")));
        assertTrue(ClassDataArchive.userManages(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=a")));
        assertFalse(ClassDataArchive.userManages(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g")));
    }

    @Test
    void nothingIsAddedOrMadeWhenTurnedOffOrNotOurs() throws IOException {
        Path dir = tmp.resolve("cds");
        System.setProperty(ClassDataArchive.DIR, dir.toString());
        String cp = jar("a.jar", "aaaa").toString();
        System.setProperty(ClassDataArchive.ENABLED, "false");
        assertEquals(List.of(), ClassDataArchive.options(true, List.of(), Map.of(), cp, "Main"));
        System.clearProperty(ClassDataArchive.ENABLED);
        assertEquals(List.of(), ClassDataArchive.options(true, List.of("-Xshare:off"), Map.of(), cp, "Main"));
        assertEquals(List.of(), ClassDataArchive.options(false, List.of(), Map.of(), cp, "Main"));
        assertFalse(Files.exists(dir));
    }

    @Test
    void theDirectoryIsMadePrivateAndOnlyAPrivateOneIsUsed() throws IOException {
        Path dir = tmp.resolve("a").resolve("cds");
        System.setProperty(ClassDataArchive.DIR, dir.toString());
        assertEquals(dir, ClassDataArchive.directory());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(dir, ClassDataArchive.directory());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(ClassDataArchive.directory());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx---"));
        assertNull(ClassDataArchive.directory());
    }

    @Test
    void anArchiveWhoseLengthOrChecksumIsNotInItsNameIsRemoved() throws IOException {
        String key = "0123456789abcdef0123456789abcdef";
        assertNull(ClassDataArchive.find(tmp, key));
        Path made = tmp.resolve("made.tmp");
        Files.writeString(made, "12345");
        Path whole = ClassDataArchive.nameFor(made, tmp.resolve(key).toString(), ClassDataArchive.SUFFIX);
        Files.move(made, whole);
        assertEquals(whole, ClassDataArchive.find(tmp, key));
        Files.writeString(whole, "12344"); // same length, another byte: the CRC differs
        assertNull(ClassDataArchive.find(tmp, key));
        assertFalse(Files.exists(whole));
        Files.writeString(whole, "123"); // cut short
        assertNull(ClassDataArchive.find(tmp, key));
        assertFalse(Files.exists(whole));
        Path unnamed = tmp.resolve(key + "-5" + ClassDataArchive.SUFFIX); // no checksum in the name
        Files.writeString(unnamed, "12345");
        assertNull(ClassDataArchive.find(tmp, key));
        assertFalse(Files.exists(unnamed));
        Path other = tmp.resolve("fedcba9876543210fedcba9876543210-3-0" + ClassDataArchive.SUFFIX);
        Files.writeString(other, "123");
        assertNull(ClassDataArchive.find(tmp, key));
        assertTrue(Files.exists(other));
    }

    @Test
    void aLockHeldByAnotherProcessMeansNoTrainingAndAStaleOneIsTakenOver() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("cds"));
        System.setProperty(ClassDataArchive.DIR, dir.toString());
        String cp = jar("a.jar", "not a jar").toString();
        Path lock = dir.resolve(ClassDataArchive.key(cp) + ".lock");
        Files.createFile(lock);
        FileTime fresh = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Files.setLastModifiedTime(lock, fresh);
        assertEquals(List.of(), ClassDataArchive.options(true, List.of(), Map.of(), cp, "Main"));
        ClassDataArchive.awaitTraining();
        assertEquals(fresh, Files.getLastModifiedTime(lock), "a held lock is left alone");

        // older than STALE_MS: a training that died; the next fork trains again (here it fails at once:
        // the class path is not a jar, so no archive comes and the new lock stays until it is stale)
        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - ClassDataArchive.STALE_MS - 1000));
        assertEquals(List.of(), ClassDataArchive.options(true, List.of(), Map.of(), cp, "Main"));
        ClassDataArchive.awaitTraining();
        assertTrue(Files.getLastModifiedTime(lock).toMillis() > fresh.toMillis(), "the stale lock was taken over");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(lock.getFileName().toString()), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** See {@link ClassDataScenario}: a parent JVM on jars, forking for real. */
    @Test
    void endToEndOnAClassPathOfJars() throws Exception {
        String cp = JarClassPath.in(tmp.resolve("jars"));
        Path cds = tmp.resolve("cds");
        Path logs = Files.createDirectory(tmp.resolve("logs"));
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-D" + ClassDataArchive.DIR + "=" + cds, "-cp", cp,
                ClassDataScenario.class.getName(), logs.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the scenario did not end");
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of(
                "first 4",
                "files [<key>-<n>.archive]",
                "used [up x] archive=true true",
                "user [up x] archive=false false",
                "damaged [up x] archive=false output=[]",
                "files [<key>-<n>.archive]",
                "truncated [up x] archive=false",
                "files [<key>-<n>.archive] true"), output.lines().toList());
    }
}
