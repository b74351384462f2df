package dev.nodeshim.buffer;

import dev.nodeshim.errors.NodeError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.nodeshim.buffer.BufferTest.throwsNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscodeTest {
    /** Every pair of 6 supported encoding names over 71 inputs (3 for unsupported names), as Node 20 transcodes them (resources/node/transcode.js). */
    @Test
    void matchesNodeOnEveryPairOfEncodings() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TranscodeTest.class.getResourceAsStream("/node/transcode.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ", 4);
                Buffer source = Buffer.from(f[2].equals("-") ? "" : f[2], "hex");
                String actual;
                try {
                    Buffer r = Buffer.transcode(source, f[0], f[1]);
                    actual = r.length() == 0 ? "-" : r.toString("hex");
                    assertEquals(0, r.byteOffset(), "a store of its own");
                } catch (NodeError e) {
                    actual = "!" + e.code() + "/" + e.props().get("errno");
                    assertEquals("Error", e.name());
                    assertEquals("Unable to transcode Buffer [" + e.code() + "]", e.getMessage());
                }
                cases++;
                if (!actual.equals(f[3])) {
                    mismatches.add(line + "  but got " + actual);
                }
            }
        }
        assertTrue(cases > 2500, "cases read: " + cases);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void nullEncodingsMeanUtf8AndANullSourceIsATypeError() {
        assertEquals("610062006300", Buffer.transcode(Buffer.from("abc"), null, "ucs2").toString("hex"));
        assertEquals("616263", Buffer.transcode(Buffer.from("abc"), "latin1", null).toString("hex"));
        throwsNode("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"source\" argument must be an instance of Buffer or Uint8Array. Received null",
                () -> Buffer.transcode(null, "utf8", "ucs2"));
    }

    @Test
    void theResultDoesNotShareMemoryWithTheSource() {
        Buffer source = Buffer.from("abc", "latin1");
        Buffer copy = Buffer.transcode(source, "latin1", "latin1");
        source.set(0, 'z');
        assertEquals("abc", copy.toString("latin1"));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                .ofMaxLength(30).flatMap(bmp -> Arbitraries.integers().between(0x10000, 0x10ffff)
                        .map(cp -> bmp + new String(Character.toChars(cp))));
    }

    @Property(seed = "20261123")
    void utf8AndUtf16leRoundTripThroughEachOther(@ForAll("wellFormed") String s) {
        Buffer utf8 = Buffer.from(s, "utf8");
        Buffer utf16 = Buffer.transcode(utf8, "utf8", "utf16le");
        assertEquals(Buffer.from(s, "utf16le").toString("hex"), utf16.toString("hex"));
        assertEquals(utf8.toString("hex"), Buffer.transcode(utf16, "ucs2", "utf8").toString("hex"));
    }

    @Property(seed = "20261123")
    void towardsLatin1EveryCodePointGivesOneByteOrVanishes(@ForAll("wellFormed") String s) {
        Buffer latin1 = Buffer.transcode(Buffer.from(s, "utf8"), "utf8", "latin1");
        int expected = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            expected += cp > 0xFF && Transcoder.isDefaultIgnorable(cp) ? 0 : 1;
        }
        assertEquals(expected, latin1.length());
    }
}
