package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Finding and reading case files: JSON Lines, one case per line, blank lines ignored. */
public final class CaseFiles {
    /** The committed cases, relative to the repository root. */
    public static final String COMMITTED = "conformance-tests/src/test/resources/cases";

    private CaseFiles() {
    }

    /**
     * The committed cases directory: {@value #COMMITTED} under the working directory or one of its
     * parents (so the runner works from the repository root and from inside a module), else the
     * {@code cases} folder on the class path (the test class path holds it).
     *
     * @throws IllegalStateException when neither is found
     */
    public static Path committedCases() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(COMMITTED);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        URL url = CaseFiles.class.getClassLoader().getResource("cases");
        if (url != null) {
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Collections.emptyMap());
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    return fs.getPath("cases");
                }
                return Path.of(uri);
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot open the cases on the class path: " + url, e);
            }
        }
        throw new IllegalStateException("no committed cases found: run from the repository (" + COMMITTED
                + ") or give case files");
    }

    /** The {@code *.jsonl} files under each path (a file is taken as it is, whatever its name), sorted per folder. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".jsonl"))
                            .map(Path::toString).sorted().forEach(f -> files.add(p.getFileSystem().getPath(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Reads every case of a file; an unreadable file or line becomes one failing case. */
    public static List<Case> read(Path file) {
        List<Case> cases = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            cases.add(new Case(null, null, null, null, file.toString(), 0, "cannot read: " + e));
            return cases;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            cases.add(parse(line, file.toString(), i + 1));
        }
        return cases;
    }

    /** One line as a case. */
    public static Case parse(String line, String source, int lineNo) {
        JsonNode node;
        try {
            node = Values.JSON.readTree(line);
        } catch (IOException e) {
            return new Case(null, null, null, null, source, lineNo, "not JSON: " + e.getMessage());
        }
        String id = text(node.get("id"));
        String probe = text(node.get("probe"));
        JsonNode in = node.get("in");
        JsonNode out = node.get("out");
        String problem = null;
        if (id == null || probe == null || in == null || out == null) {
            problem = "a case needs \"id\", \"probe\", \"in\" and \"out\"";
        } else if (!(out.isObject() && out.size() == 1 && (out.has("ok") || out.path("throws").isObject()))) {
            problem = "\"out\" must be {\"ok\": V} or {\"throws\": {…}}";
        }
        return new Case(id, probe, in, out, source, lineNo, problem);
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
