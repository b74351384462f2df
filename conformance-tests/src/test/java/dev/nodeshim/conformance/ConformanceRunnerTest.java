package dev.nodeshim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.errors.NodeError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {
    static final ProbeRegistry TOY = new ProbeRegistry()
            .register("toy.echo", in -> Values.decode(in.get("value")))
            .register("toy.fail", in -> {
                throw new NodeError("RangeError", "ERR_OUT_OF_RANGE", "bad " + in.path("n").asInt())
                        .withProp("n", in.path("n").asInt())
                        .withProp("unencodable", new Object());
            })
            .register("toy.inexpressible", in -> {
                throw new Inexpressible("no such overload");
            })
            .register("toy.hang", in -> {
                Thread.sleep(60_000);
                return null;
            });

    static ConformanceRunner runner() {
        return new ConformanceRunner(TOY, Duration.ofMillis(500));
    }

    static ConformanceRunner.Result run(String line) {
        return runner().runAll(List.of(CaseFiles.parse(line, "test", 1))).get(0);
    }

    @Test
    void okOutcomesCompareByValue() {
        assertTrue(run("{\"id\":\"t/1\",\"probe\":\"toy.echo\",\"in\":{\"value\":[1,{\"$num\":\"-0\"},\"\\udc00\"]},"
                + "\"out\":{\"ok\":[1.0,{\"$num\":\"-0\"},\"\\udc00\"]}}").passed());
        ConformanceRunner.Result r = run("{\"id\":\"t/2\",\"probe\":\"toy.echo\",\"in\":{\"value\":2},\"out\":{\"ok\":3}}");
        assertFalse(r.passed());
        assertTrue(r.detail().contains("$.ok"), r.detail());
    }

    @Test
    void thrownErrorsCompareNameCodeMessageAndNamedProps() {
        assertTrue(run("{\"id\":\"t/3\",\"probe\":\"toy.fail\",\"in\":{\"n\":7},\"out\":{\"throws\":{\"name\":\"RangeError\","
                + "\"code\":\"ERR_OUT_OF_RANGE\",\"message\":\"bad 7\"}}}").passed());
        assertTrue(run("{\"id\":\"t/4\",\"probe\":\"toy.fail\",\"in\":{\"n\":7},\"out\":{\"throws\":{\"name\":\"RangeError\","
                + "\"code\":\"ERR_OUT_OF_RANGE\",\"message\":\"bad 7\",\"props\":{\"n\":7}}}}").passed());
        assertFalse(run("{\"id\":\"t/5\",\"probe\":\"toy.fail\",\"in\":{\"n\":7},\"out\":{\"throws\":{\"name\":\"RangeError\","
                + "\"code\":\"ERR_OUT_OF_RANGE\",\"message\":\"bad 7\",\"props\":{\"n\":7,\"errno\":-2}}}}").passed());
        assertFalse(run("{\"id\":\"t/6\",\"probe\":\"toy.fail\",\"in\":{\"n\":7},\"out\":{\"ok\":null}}").passed());
        assertFalse(run("{\"id\":\"t/7\",\"probe\":\"toy.echo\",\"in\":{},\"out\":{\"throws\":{\"name\":\"Error\","
                + "\"code\":null,\"message\":\"x\"}}}").passed());
    }

    @Test
    void unknownUnreadableInexpressibleAndHangingCasesFail() {
        ConformanceRunner.Result r = run("{\"id\":\"t/8\",\"probe\":\"toy.nope\",\"in\":{},\"out\":{\"ok\":1}}");
        assertFalse(r.passed());
        assertTrue(r.detail().contains("unknown probe"), r.detail());
        assertFalse(run("{\"id\":\"t/9\",\"probe\":\"toy.echo\",\"in\":{}}").passed());
        assertFalse(run("{not json").passed());
        assertFalse(run("{\"id\":\"t/10\",\"probe\":\"toy.echo\",\"in\":{},\"out\":{\"maybe\":1}}").passed());
        r = run("{\"id\":\"t/11\",\"probe\":\"toy.inexpressible\",\"in\":{},\"out\":{\"ok\":1}}");
        assertFalse(r.passed());
        assertTrue(r.detail().contains("no such overload"), r.detail());
        r = run("{\"id\":\"t/12\",\"probe\":\"toy.hang\",\"in\":{},\"out\":{\"ok\":null}}");
        assertFalse(r.passed());
        assertTrue(r.detail().contains("timed out"), r.detail());
    }

    @Test
    void reportPrintsFailuresThenModuleLinesThenTotal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub").resolve("x.jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, String.join("\n",
                "{\"id\":\"toy/1\",\"probe\":\"toy.echo\",\"in\":{\"value\":1},\"out\":{\"ok\":1}}",
                "",
                "{\"id\":\"toy/2\",\"probe\":\"toy.echo\",\"in\":{\"value\":1},\"out\":{\"ok\":2}}",
                "{\"id\":\"other/1\",\"probe\":\"other.thing\",\"in\":{},\"out\":{\"ok\":2}}"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ignored.txt"), "not a case file");
        List<Path> files = CaseFiles.expand(List.of(dir));
        assertEquals(List.of(f), files);
        List<ConformanceRunner.Result> results = runner().runAll(CaseFiles.read(f));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int failed = ConformanceRunner.report(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, failed);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("FAIL toy/2"), lines.get(0));
        assertTrue(lines.contains("FAIL other/1  (other.thing, " + f + ":4)"), String.join("\n", lines));
        assertEquals("other: 0 passed, 1 failed", lines.get(lines.size() - 3));
        assertEquals("toy: 1 passed, 1 failed", lines.get(lines.size() - 2));
        assertEquals("1 passed, 2 failed", lines.get(lines.size() - 1));
    }
}
