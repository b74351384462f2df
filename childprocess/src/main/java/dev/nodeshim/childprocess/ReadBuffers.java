package dev.nodeshim.childprocess;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of {@value #SIZE} bytes that pipe readers read into, shared by every reader of the
 * JVM. A read into a direct buffer goes from the kernel straight into it; a heap buffer would make
 * the JDK read into a temporary direct buffer and copy from there. A reader's buffer comes back here
 * as soon as the loop has copied its bytes into the chunk it hands to {@code 'data'}, so a busy pipe
 * cycles through a few buffers. At most {@value #KEPT} idle buffers are kept (1 MiB); more are left
 * to the garbage collector.
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
        return ByteBuffer.allocateDirect(SIZE);
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
