package dev.nodeshim.examples.childprocess;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodeshim.childprocess.ForkMain;
import dev.nodeshim.examples.NodeOriginal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaWorkerTest {
    /**
     * The Node original's parent, unchanged, with the Java worker in place of its node one. The parent
     * waits for the worker's exit (its last line), so no process is left.
     */
    @Test
    void aNodeParentGetsFromTheJavaWorkerWhatItsNodeWorkerGives() {
        assumeTrue(NodeOriginal.findNode().isPresent(), "the parent is a node script: needs node on the PATH");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> lines = NodeOriginal.runOriginal(JavaWorker.class, List.of(java,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ForkMain.class.getName(), JavaWorker.class.getName()));
        NodeOriginal.assertSameOutput(JavaWorker.class, lines);
    }
}
