package dev.nodeshim.crypto;

/**
 * GCM's GHASH as {@link GcmEngine} feeds it: bytes in pieces of any size, {@link #pad()} at the end
 * of a section (AAD, then text), {@link #finish} with the two lengths. {@link Ghash} computes it in
 * Java for any block cipher; {@link JdkGhash} through the JDK's intrinsified GHASH for AES.
 */
interface GhashFn {
    void update(byte[] in, int off, int len);

    /** Zero-pads the current section to a whole block. */
    void pad();

    /** Pads, hashes the block of the AAD and text bit lengths, returns the 16-byte hash. */
    byte[] finish(long aadBytes, long textBytes);
}
