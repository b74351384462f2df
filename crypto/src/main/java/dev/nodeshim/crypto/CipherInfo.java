package dev.nodeshim.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code crypto.getCipherInfo()} returns: OpenSSL's canonical name and nid, the mode, and the
 * block, IV and key lengths ({@code null} where Node omits the property: no block size for stream
 * ciphers, no IV length for ciphers without an IV). The facts are Node's, recorded in
 * {@code cipher-info.tsv} by {@code src/test/node/cipher-info.js}.
 */
public record CipherInfo(String name, int nid, String mode, Integer blockSize, Integer ivLength, int keyLength) {
    private static final class Table {
        static final Map<String, CipherInfo> BY_NAME = new HashMap<>();
        static final Map<Integer, CipherInfo> BY_NID = new HashMap<>();

        static {
            try (InputStream in = CipherInfo.class.getResourceAsStream("cipher-info.tsv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    CipherInfo info = new CipherInfo(f[1], Integer.parseInt(f[2]), f[3], optional(f[4]), optional(f[5]),
                            Integer.parseInt(f[6]));
                    BY_NAME.put(f[0], info);
                    BY_NID.putIfAbsent(info.nid(), info);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Integer optional(String s) {
            return s.equals("-") ? null : Integer.valueOf(s);
        }
    }

    /** The info of a cipher spec (its registry name is one of Node's listed names). */
    static CipherInfo of(Registry.CipherSpec spec) {
        return Table.BY_NAME.get(spec.name());
    }

    static CipherInfo byNid(int nid) {
        return Table.BY_NID.get(nid);
    }

    /**
     * This info tested with a key length and an IV length (null: not tested), as Node's options do:
     * the info with those lengths, or {@code null} when the cipher does not accept them.
     */
    CipherInfo test(Registry.CipherSpec spec, Integer keyLength, Integer ivLength) {
        int k = this.keyLength;
        Integer iv = this.ivLength;
        if (keyLength != null) {
            // a variable-length cipher takes any test length, even 0 or negative, as OpenSSL does
            if (!spec.variableKey() && keyLength != spec.keyLength()) {
                return null;
            }
            k = keyLength;
        }
        if (ivLength != null) {
            boolean hasIv = this.ivLength != null;
            if (hasIv ? !spec.validIv(ivLength) || ivLength == 0 : ivLength != 0) {
                return null;
            }
            iv = hasIv ? ivLength : null;
        }
        return new CipherInfo(name, nid, mode, blockSize, iv, k);
    }
}
