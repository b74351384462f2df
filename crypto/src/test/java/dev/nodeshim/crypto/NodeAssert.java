package dev.nodeshim.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodeshim.errors.NodeError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the crypto tests: Node's error triple, hex, resources. */
final class NodeAssert {
    private NodeAssert() {
    }

    static NodeError assertNodeError(String name, String code, String message, Executable call) {
        NodeError e = assertThrows(NodeError.class, call);
        assertEquals(name + "|" + code + "|" + message, e.name() + "|" + e.code() + "|" + e.getMessage());
        return e;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** {@code n} bytes of {@code i * 7}: the long input the hash tests' node one-liners digest. */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = NodeAssert.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
