package dev.nodeshim.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CTR through the JDK's own {@code AES/CTR/NoPadding}, where HotSpot's CTR intrinsic is fast:
 * 13 GB/s here on JDK 17 and 25 once compiled, given {@link JdkPieces} (against 1.8 for
 * {@link StreamModeEngine}). Its update() returns every byte at once, as OpenSSL's does, and it increments the whole
 * 128-bit counter big-endian, as OpenSSL's CTR does; encryption and decryption are the same.
 */
final class JdkCtrEngine extends CipherEngine {
    private final javax.crypto.Cipher cipher;

    JdkCtrEngine(SecretKeySpec key, byte[] iv) {
        try {
            cipher = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's AES/CTR failed", e);
        }
    }

    @Override
    byte[] update(byte[] in, int off, int len) {
        if (len == 0) {
            return Bytes.EMPTY;
        }
        return JdkPieces.update(cipher, in, off, len);
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }
}
