package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.nodeshim.errors.NodeError;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The two wire formats' readers: messages cut anywhere between reads come out whole and in order, and
 * advanced mode's frames are node's (a 4-byte big-endian length, a 0 before each host object).
 */
class IpcSerializationTest {

    private static List<Object> readInPieces(IpcSerialization mode, List<Object> messages, List<Integer> cuts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Object m : messages) {
            all.writeBytes(mode.encode(m));
        }
        byte[] wire = all.toByteArray();
        IpcSerialization.Reader reader = mode.reader();
        List<Object> out = new ArrayList<>();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(wire.length, at + cut);
            // each read lands at a different offset of a bigger array, as the channel's buffer is reused
            byte[] chunk = new byte[end - at + 3];
            System.arraycopy(wire, at, chunk, 3, end - at);
            reader.read(chunk, 3, end - at, out);
            at = end;
        }
        reader.read(wire, at, wire.length - at, out);
        return out;
    }

    @Property(tries = 200)
    void messagesCutAnywhereComeOutWholeAndInOrder(@ForAll @Size(max = 20) List<@IntRange(min = -5, max = 300) Integer> ns,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 40) Integer> cuts) {
        List<Object> messages = new ArrayList<>();
        for (int n : ns) {
            messages.add(n < 0 ? null : Map.of("i", n, "s", "é".repeat(n % 7)));
        }
        assertEquals(messages, readInPieces(IpcSerialization.ADVANCED, messages, cuts));
        assertEquals(messages, readInPieces(IpcSerialization.JSON, messages, cuts));
    }

    @Test
    void framesAreNodes() {
        // node 20, a node parent sending {a:1}, 'x', null and Buffer.from([9]) to a raw fd in advanced mode
        assertEquals("0000000aff0f6f22016149027b01", HexFormat.of().formatHex(IpcSerialization.ADVANCED.encode(Map.of("a", 1))));
        assertEquals("00000005ff0f220178", HexFormat.of().formatHex(IpcSerialization.ADVANCED.encode("x")));
        assertEquals("00000003ff0f30", HexFormat.of().formatHex(IpcSerialization.ADVANCED.encode(null)));
        assertEquals("00000007ff0f5c000a0109",
                HexFormat.of().formatHex(IpcSerialization.ADVANCED.encode(dev.nodeshim.buffer.Buffer.from(new byte[] {9}))));
    }

    @Test
    void anUnreadableFrameIsReportedAndTheNextOnesStillArrive() {
        // node 20: an uncaught Error: Unable to deserialize cloned data., then the next message
        byte[] wire = HexFormat.of().parseHex("00000003ff0f99" + "00000005ff0f22017a" + "00000003ff1022");
        List<Object> out = new ArrayList<>();
        IpcSerialization.ADVANCED.reader().read(wire, 0, wire.length, out);
        assertEquals(3, out.size());
        NodeError e = assertInstanceOf(IpcSerialization.Unreadable.class, out.get(0)).error();
        assertEquals("Error: Unable to deserialize cloned data.", e.toString());
        assertEquals("z", out.get(1));
        assertEquals("Error: Unable to deserialize cloned data due to invalid or unsupported version.",
                assertInstanceOf(IpcSerialization.Unreadable.class, out.get(2)).error().toString());
    }

    @Test
    void aBufferFrameIsWrittenInOneArray() {
        byte[] big = new byte[3 * 1024 * 1024];
        byte[] frame = IpcSerialization.ADVANCED.encode(dev.nodeshim.buffer.Buffer.wrap(big));
        assertEquals(4 + 2 + 2 + 1 + 4 + big.length, frame.length); // length, header, 5c 00 0a, varint, bytes
        List<Object> out = new ArrayList<>();
        IpcSerialization.ADVANCED.reader().read(frame, 0, frame.length, out);
        assertEquals(big.length, ((dev.nodeshim.buffer.Buffer) out.get(0)).length());
    }
}
