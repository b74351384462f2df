package dev.nodeshim.examples.buffer;

import dev.nodeshim.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Ports "Buffer内存分配原理" (seeds/002_8bfa7c3e83a58264.txt): small {@code allocUnsafe} buffers are
 * cut from one 8 KiB slab at offsets aligned to 8, a buffer of half the pool size or more gets a
 * store of its own, {@code alloc} never pools, and a slice shares memory with what it was cut from.
 * The script first moves to a fresh slab so the layout it prints does not depend on what ran before
 * (in Java the pool is per thread and other code may have used it).
 *
 * <pre>{@code
 * const a = Buffer.allocUnsafe(5);
 * const b = Buffer.allocUnsafe(13);
 * console.log(a.buffer === b.buffer, b.byteOffset - a.byteOffset);   // true 8
 * }</pre>
 */
public final class SlabPool {
    private SlabPool() {
    }

    public static void run(Consumer<String> out) {
        out.accept(String.valueOf(Buffer.poolSize()));
        Buffer prev = Buffer.allocUnsafe(4095);
        Buffer cur;
        while ((cur = Buffer.allocUnsafe(4095)).buffer() == prev.buffer()) {
            prev = cur;
        }
        out.accept(String.valueOf(cur.byteOffset()));
        Buffer a = Buffer.allocUnsafe(5);
        Buffer b = Buffer.allocUnsafe(13);
        Buffer c = Buffer.allocUnsafe(2 * 1024);
        Buffer big = Buffer.allocUnsafe(4 * 1024);
        out.accept((a.buffer() == b.buffer()) + " " + (b.byteOffset() - a.byteOffset()));
        out.accept((b.buffer() == c.buffer()) + " " + (c.byteOffset() - b.byteOffset()));
        out.accept(a.buffer().byteLength() + " " + big.buffer().byteLength() + " " + big.byteOffset());
        out.accept(String.valueOf(Buffer.alloc(16).buffer().byteLength()));
        Buffer slice = b.subarray(0, 4);
        slice.fill(0x61);
        out.accept(b.toString("latin1", 0, 4) + " " + (slice.buffer() == b.buffer()));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
