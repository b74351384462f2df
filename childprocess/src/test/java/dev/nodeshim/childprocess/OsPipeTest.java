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

    /**
     * Among many other pipes (as while hundreds of children run), each of three pipes made at once is
     * found: its path gives a descriptor of that very pipe, both ways.
     */
    @Test
    void eachPathNamesItsOwnPipeAmongManyOthers() throws Exception {
        java.util.List<java.nio.channels.Pipe> others = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                others.add(java.nio.channels.Pipe.open());
            }
            for (int round = 0; round < 20; round++) {
                java.util.List<OsPipe> made = OsPipe.open(3);
                try {
                    for (int k = 0; k < 3; k++) {
                        OsPipe p = made.get(k);
                        byte[] mark = ("pipe " + round + "/" + k).getBytes(StandardCharsets.UTF_8);
                        p.pipe.sink().write(ByteBuffer.wrap(mark));
                        try (java.io.FileInputStream in = new java.io.FileInputStream(p.path)) {
                            assertEquals(mark.length, in.available());
                            byte[] got = new byte[mark.length]; // (readNBytes seeks on JDK 17: no good on a pipe)
                            for (int at = 0; at < got.length; ) {
                                at += in.read(got, at, got.length - at);
                            }
                            assertEquals(new String(mark, StandardCharsets.UTF_8), new String(got, StandardCharsets.UTF_8));
                        }
                        try (java.io.FileOutputStream out = new java.io.FileOutputStream(p.path)) {
                            out.write(mark);
                        }
                        ByteBuffer back = ByteBuffer.allocate(mark.length);
                        while (back.hasRemaining()) {
                            p.pipe.source().read(back);
                        }
                        assertEquals(new String(mark, StandardCharsets.UTF_8), new String(back.array(), StandardCharsets.UTF_8));
                    }
                } finally {
                    made.forEach(OsPipe::closeBoth);
                }
            }
        } finally {
            for (java.nio.channels.Pipe o : others) {
                o.sink().close();
                o.source().close();
            }
        }
    }
}
