package dev.nodeshim.childprocess;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This JVM's class path as jars only, in a new directory anyone may read: each directory entry jarred,
 * each jar copied. A class-data archive needs a class path of jars (the JVM archives nothing from
 * directories), and a child of another user needs files it can open (the build's jars lie partly in
 * root's private {@code ~/.m2}).
 */
final class JarClassPath {
    private JarClassPath() {}

    /** Makes {@code dir} ({@code rwxr-xr-x}) and the jars in it; returns the class path they form. */
    static String in(Path dir) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> cp = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            Path jar = dir.resolve("cp" + n++ + ".jar");
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
