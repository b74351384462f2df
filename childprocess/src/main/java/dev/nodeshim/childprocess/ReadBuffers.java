package dev.nodeshim.childprocess;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Buffers of {@value #SIZE} bytes that pipe readers read into, shared by every reader of the JVM. A
 * read buffer lives only until the loop has copied its bytes into the chunk it hands to
 * {@code 'data'} (with {@code Arrays.copyOfRange}, whose new array the JIT does not zero first: one
 * pass over fresh memory instead of two); then it comes back here, so a busy pipe cycles through a
 * few buffers. At most {@value #KEPT} idle buffers are kept (1 MiB); more are left to the garbage
 * collector. Heap buffers: a direct one would save the JDK's copy out of its temporary direct buffer
 * on the reader, but the chunk then needs a zeroed array and a copy on the loop (measured: more CPU
 * per byte on the loop thread, which is the busier one).
 */
final class ReadBuffers {
    /** One read: libuv's size, and the capacity of a Linux pipe. */
    static final int SIZE = 64 * 1024;
    private static final int KEPT = 16;
    private static final ArrayDeque<ByteBuffer> IDLE = new ArrayDeque<>();

    private ReadBuffers() {
    }

    /** An empty buffer of {@value #SIZE} bytes (position 0, limit {@value #SIZE}). */
    static ByteBuffer take() {
        synchronized (IDLE) {
            ByteBuffer b = IDLE.pollFirst();
            if (b != null) {
                return b;
            }
        }
        return ByteBuffer.allocate(SIZE);
    }

    /** Gives {@code b} back; its contents are no longer needed. */
    static void give(ByteBuffer b) {
        b.clear();
        synchronized (IDLE) {
            if (IDLE.size() < KEPT) {
                IDLE.addFirst(b);
            }
        }
    }
}
