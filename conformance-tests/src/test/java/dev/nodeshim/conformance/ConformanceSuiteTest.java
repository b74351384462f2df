package dev.nodeshim.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every committed case (src/test/resources/cases) through the runner, one JUnit test per case,
 * so {@code mvn test} covers conformance. A failing case's message is the runner's report of it.
 */
class ConformanceSuiteTest {
    @TestFactory
    Stream<DynamicTest> committedCases() {
        Path root = CaseFiles.committedCases();
        List<Case> cases = new ArrayList<>();
        for (Path f : CaseFiles.expand(List.of(root))) {
            cases.addAll(CaseFiles.read(f));
        }
        assertFalse(cases.isEmpty(), "no committed cases under " + root);
        ConformanceRunner runner = ConformanceRunner.standard();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            ConformanceRunner.Result r = runner.runAll(List.of(c)).get(0);
            if (!r.passed()) {
                fail(c.label() + " (" + c.source() + ":" + c.line() + ")\nexpected: " + Values.toJson(c.out()) + "\nactual:   "
                        + (r.actual() == null ? "(none)" : Values.toJson(r.actual())) + "\n" + r.detail());
            }
        }));
    }
}
