package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.NodeAssert.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every name of getCiphers() against src/test/resources/ciphers.tsv (written by node 20 with
 * src/test/node/ciphers.js): the ciphertext, the tag, the sizes update() and final() returned, and the
 * decryption back with the sizes they return while decrypting.
 */
class CipherVectorsTest {
    @Test
    void everyCipherNameMatchesNode() throws Exception {
        assertEquals(new HashSet<>(Crypto.getCiphers()), vectors("ciphers.tsv"));
    }

    /** node --openssl-legacy-provider src/test/node/ciphers.js: the 44 names it adds, keys of many lengths. */
    @Test
    void legacyProviderCiphersMatchNodeWithTheFlag() throws Exception {
        assertEquals("error:0308010C:digital envelope routines::unsupported", org.junit.jupiter.api.Assertions
                .assertThrows(NodeError.class, () -> Crypto.createCipheriv("bf-cbc", new byte[16], new byte[8])).getMessage());
        List<String> defaults = Crypto.getCiphers();
        Crypto.setLegacyProvider(true);
        try {
            Set<String> names = vectors("legacy-ciphers.tsv");
            assertEquals(175, Crypto.getCiphers().size());
            Set<String> added = new HashSet<>(Crypto.getCiphers());
            added.removeAll(defaults);
            assertEquals(added, names);
            // the seed's des-ecb example (shared/seeds), as node --openssl-legacy-provider prints it
            Cipher des = Crypto.createCipheriv("des-ecb", "12345678", "");
            assertEquals("28dba02eb5f6dd478852f80ed9fa959e", des.update("hello world !!!", "utf8", "hex") + des.doFinal("hex"));
        } finally {
            Crypto.setLegacyProvider(false);
        }
        assertEquals(131, Crypto.getCiphers().size());
    }

    private static Set<String> vectors(String resource) throws Exception {
        List<String> rows = NodeAssert.resourceLines(resource);
        Set<String> names = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            names.add(f[0]);
            try {
                check(f);
            } catch (AssertionError | RuntimeException e) {
                failures.add(f[0] + " len " + (f[4].equals("-") ? 0 : f[4].length() / 2) + ": " + e);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        return names;
    }

    private static byte[] opt(String s) {
        return s.equals("-") ? new byte[0] : hex(s);
    }

    private static void check(String[] f) {
        String name = f[0];
        byte[] key = hex(f[1]);
        byte[] iv = f[2].equals("-") ? null : hex(f[2]);
        byte[] aad = f[3].equals("-") ? null : hex(f[3]);
        byte[] pt = opt(f[4]);
        String[] chunks = f[5].split(",");
        String expected = f[6];
        String tag = f[7];
        CipherOptions o = aad != null ? CipherOptions.defaults().authTagLength(16) : CipherOptions.defaults();
        Cipher c;
        try {
            c = Crypto.createCipheriv(name, key, iv, o);
        } catch (NodeError e) {
            assertEquals(expected, "ERR " + e.getMessage());
            return;
        }
        if (aad != null) {
            c.setAAD(aad, pt.length);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> sizes = new ArrayList<>();
        String outcome;
        try {
            int at = 0;
            for (String ch : chunks) {
                int n = Integer.parseInt(ch);
                byte[] part = c.update(Buffer.from(pt).subarray(at, at + n)).toByteArray();
                at += n;
                sizes.add(String.valueOf(part.length));
                all.writeBytes(part);
            }
            byte[] last = c.doFinal().toByteArray();
            sizes.add(String.valueOf(last.length));
            all.writeBytes(last);
            outcome = hex(all.toByteArray());
        } catch (NodeError e) {
            outcome = "ERR " + e.getMessage();
        }
        if (expected.startsWith("ERR")) {
            assertEquals(expected, outcome);
            return;
        }
        if (!expected.equals("-")) {
            assertEquals(expected, outcome, "ciphertext");
            assertEquals(f[8], String.join(",", sizes), "update/final sizes");
        }
        if (!tag.equals("-")) {
            assertEquals(tag, c.getAuthTag().toString("hex"), "tag");
        }
        // and back
        Decipher d = Crypto.createDecipheriv(name, key, iv, o);
        if (aad != null) {
            d.setAAD(aad, pt.length);
            d.setAuthTag(hex(tag));
        }
        byte[] ct = hex(outcome);
        byte[] back;
        if (f.length > 9 && !f[9].equals("-") && !f[9].startsWith("ERR")) {
            // cut where Node's generator cut: the sizes of each update() and final() while decrypting
            int first = Integer.parseInt(chunks[0]);
            List<byte[]> cuts = chunks.length == 1 ? List.of(ct)
                    : List.of(java.util.Arrays.copyOf(ct, first), java.util.Arrays.copyOfRange(ct, first, ct.length));
            List<String> decSizes = new ArrayList<>();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (byte[] cut : cuts) {
                byte[] part = d.update(cut).toByteArray();
                decSizes.add(String.valueOf(part.length));
                b.writeBytes(part);
            }
            byte[] last = d.doFinal().toByteArray();
            decSizes.add(String.valueOf(last.length));
            b.writeBytes(last);
            assertEquals(f[9], String.join(",", decSizes), "decrypting update/final sizes");
            back = b.toByteArray();
        } else if (name.contains("wrap") || name.contains("CMS3DES") || name.contains("xts") || name.contains("ccm")
                || name.contains("CCM")) {
            back = Bytes.concat(d.update(ct).toByteArray(), d.doFinal().toByteArray());
        } else {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < ct.length; i += 7) {
                b.writeBytes(d.update(Buffer.from(ct).subarray(i, Math.min(ct.length, i + 7))).toByteArray());
            }
            b.writeBytes(d.doFinal().toByteArray());
            back = b.toByteArray();
        }
        assertArrayEquals(pt, back, "decrypted");
        assertTrue(true);
    }
}
