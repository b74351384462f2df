package dev.nodeshim.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CTR through the JDK's own {@code AES/CTR/NoPadding}, where HotSpot's CTR intrinsic is fast:
 * 15 GB/s here on JDK 25 once compiled (JDK 17's stays at 0.5 GB/s, below {@link StreamModeEngine}'s
 * 1.8). Its update() returns every byte at once, as OpenSSL's does, and it increments the whole
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
        byte[] out = new byte[len];
        try {
            if (cipher.update(in, off, len, out, 0) != len) {
                throw new IllegalStateException("the JVM's AES/CTR held bytes back");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    byte[] doFinal() {
        return Bytes.EMPTY;
    }
}
