package dev.nodeshim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StringDecoderTest {

    private static List<String> decode(String enc, int[]... chunks) {
        StringDecoder d = new StringDecoder(enc);
        List<String> out = new ArrayList<>();
        for (int[] c : chunks) {
            out.add(d.write(Buffer.from(c)));
        }
        out.add(d.end());
        return out;
    }

    /** Expected values printed by node v20 ({@code JSON.stringify} of the write/end results). */
    @Test
    void matchesNode() {
        assertEquals(List.of("", "€", ""), decode("utf8", new int[] {0xE2, 0x82}, new int[] {0xAC}));
        assertEquals(List.of("", "\ufffd"), decode("utf8", new int[] {0xE2, 0x82}));
        assertEquals(List.of("", "\ufffdA", ""), decode("utf8", new int[] {0xE2}, new int[] {0x41}));
        assertEquals(List.of("", "😀A", ""), decode("utf8", new int[] {0xF0, 0x9F}, new int[] {0x98, 0x80, 0x41}));
        assertEquals(List.of("\ufffdA", ""), decode("utf8", new int[] {0x80, 0x41}));
        assertEquals(List.of("", "\ufffd\ufffdA", ""), decode("utf8", new int[] {0xE0, 0x80}, new int[] {0x41}));
        assertEquals(List.of("", "a", "\ud83d", "\ude00", ""), decode("utf16le",
                new int[] {0x61}, new int[] {0x00, 0x3D}, new int[] {0xD8, 0x00}, new int[] {0xDE}));
        assertEquals(List.of("", "\ud83d"), decode("utf16le", new int[] {0x3D, 0xD8}));
        assertEquals(List.of("a", ""), decode("utf16le", new int[] {0x61, 0x00, 0x62}));
        assertEquals(List.of("", "AQID", "", "BAU="), decode("base64",
                new int[] {1}, new int[] {2, 3, 4}, new int[] {5}));
        assertEquals(List.of("01", "ff", ""), decode("hex", new int[] {1}, new int[] {255}));
        assertEquals(List.of("é", ""), decode("latin1", new int[] {0xE9}));
        assertEquals(List.of("i", ""), decode("ascii", new int[] {0xE9}));
        assertEquals(List.of("", "-_8"), decode("base64url", new int[] {0xfb, 0xff}));
        assertEquals("utf8", new StringDecoder().encoding());
        assertEquals("utf16le", new StringDecoder("UCS2").encoding());
        assertEquals("latin1", new StringDecoder("binary").encoding());
        NodeError e = org.junit.jupiter.api.Assertions.assertThrows(NodeError.class, () -> new StringDecoder("nope"));
        assertEquals("ERR_UNKNOWN_ENCODING", e.code());
        assertEquals("Unknown encoding: nope", e.getMessage());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
                .map(s -> s + "€😀ü");
    }

    /** Any chunking of a UTF-8 byte sequence decodes to the same string. */
    @Property(tries = 300)
    void anyChunkingDecodesTheSame(@ForAll("text") String s, @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String enc : List.of("utf8", "utf16le", "base64", "hex")) {
            Buffer whole = enc.equals("utf8") ? Buffer.wrap(bytes) : Buffer.from(s, enc.equals("utf16le") ? "utf16le" : "utf8");
            StringDecoder d = new StringDecoder(enc);
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (int cut : cuts) {
                int end = Math.min(whole.length(), at + cut);
                out.append(d.write(whole.subarray(at, end)));
                at = end;
            }
            out.append(d.write(whole.subarray(at)));
            out.append(d.end());
            assertEquals(whole.toString(enc), out.toString(), enc);
        }
    }

    /** The same through a Readable with setEncoding: 'data' never carries half a character. */
    @Property(tries = 100)
    void setEncodingNeverSplitsACharacter(@ForAll("text") String s, @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> data = new ArrayList<>();
        EventLoop.run(() -> {
            Readable r = new Readable(ReadableOptions.defaults().read((self, n) -> { }));
            r.setEncoding("utf8");
            r.on("data", (String chunk) -> data.add(chunk));
            int at = 0;
            for (int cut : cuts) {
                int end = Math.min(bytes.length, at + cut);
                r.push(Buffer.wrap(bytes).subarray(at, end));
                at = end;
            }
            r.push(Buffer.wrap(bytes).subarray(at));
            r.push(null);
        });
        assertEquals(s, String.join("", data));
        for (String chunk : data) {
            assertEquals(-1, chunk.indexOf('\ufffd'), "a split character became U+FFFD");
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 7).list().ofMaxSize(30);
    }
}
