package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OsPipeTest {

    /** A child writing through the pipe's path; a grandchild's late output still arrives, then EOF. */
    @Test
    void childAndGrandchildWriteThroughThePathUntilBothAreDone() throws Exception {
        OsPipe p = OsPipe.open();
        Process child = new ProcessBuilder("sh", "-c", "(sleep 0.2; echo late) & echo early; exit 3")
                .redirectOutput(ProcessBuilder.Redirect.to(p.path))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.pipe.sink().close(); // the child and its grandchild hold the only write ends now
        assertEquals(3, child.waitFor());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64);
        while (p.pipe.source().read(buf) > 0) {
            got.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        p.pipe.source().close();
        assertEquals("early\nlate\n", got.toString(StandardCharsets.UTF_8));
    }

    /** The child reads its stdin from the pipe's read end. */
    @Test
    void childReadsThroughTheReadPath() throws Exception {
        OsPipe p = OsPipe.open();
        Process child = new ProcessBuilder("wc", "-c").redirectInput(ProcessBuilder.Redirect.from(p.path)).start();
        p.pipe.source().close();
        p.pipe.sink().write(ByteBuffer.wrap(new byte[12345]));
        p.pipe.sink().close();
        assertEquals("12345", new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        assertEquals(0, child.waitFor());
    }
}
