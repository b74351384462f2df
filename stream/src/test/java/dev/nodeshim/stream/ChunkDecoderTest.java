package dev.nodeshim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nodeshim.buffer.Buffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The decoder behind setEncoding: per write, the same strings as node's StringDecoder (2,850 cases
 * recorded by generators/string-decoder-cases.js), and the whole text equal to decoding all at once.
 */
class ChunkDecoderTest {

    @Test
    void sameOutputsAsNodePerWrite() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int cases = 0;
        List<String> failures = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ChunkDecoderTest.class.getResourceAsStream("/string-decoder-cases.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                cases++;
                JsonNode c = json.readTree(line);
                Buffer bytes = Buffer.from(c.get("hex").asText(), "hex");
                ChunkDecoder d = new ChunkDecoder(c.get("enc").asText());
                List<String> writes = new ArrayList<>();
                int off = 0;
                for (JsonNode cut : c.get("cuts")) {
                    writes.add(d.write(bytes.subarray(off, off + cut.asInt())));
                    off += cut.asInt();
                }
                List<String> expected = new ArrayList<>();
                c.get("writes").forEach(w -> expected.add(w.asText()));
                String end = d.end();
                if (!expected.equals(writes) || !c.get("end").asText().equals(end)) {
                    failures.add(line + "\n   got " + writes + " end " + end);
                }
            }
        }
        assertEquals(2850, cases);
        assertTrue(failures.isEmpty(), failures.size() + " differ, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii");
    }

    @Property(tries = 400)
    void piecesJoinToTheWhole(@ForAll("encodings") String enc, @ForAll byte[] data, @ForAll("cuts") List<Integer> cuts) {
        Buffer all = Buffer.from(data);
        ChunkDecoder d = new ChunkDecoder(enc);
        StringBuilder sb = new StringBuilder();
        int off = 0;
        for (int cut : cuts) {
            if (off >= data.length) {
                break;
            }
            int end = Math.min(data.length, off + cut);
            sb.append(d.write(all.subarray(off, end)));
            off = end;
        }
        sb.append(d.write(all.subarray(off)));
        sb.append(d.end());
        assertEquals(all.toString(enc), sb.toString());
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 5).list().ofMaxSize(40);
    }
}
