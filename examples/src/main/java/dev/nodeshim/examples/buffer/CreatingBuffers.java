package dev.nodeshim.examples.buffer;

import dev.nodeshim.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Ports "Buffer基本使用" (seeds/002_8bfa7c3e83a58264.txt): the ways to create a buffer. Array values
 * are JavaScript numbers, so the port passes a {@code double[]} and gets Node's {@code value & 255}
 * truncation (257.5 → 1, -255 → 1; the seed's {@code '1'} is the number 1 after JavaScript's
 * conversion). {@code console.log(buf)} prints {@link Buffer#inspect()}.
 *
 * <pre>{@code
 * const buf4 = Buffer.from([1, 2, 3]);
 * const buf5 = Buffer.from([257, 257.5, -255, '1']);
 * const buf6 = Buffer.from('tést');
 * const buf7 = Buffer.from('tést', 'latin1');
 * const buf1 = Buffer.alloc(10);
 * const buf2 = Buffer.alloc(10, 1);
 * const buf3 = Buffer.allocUnsafe(10);
 * }</pre>
 */
public final class CreatingBuffers {
    private CreatingBuffers() {
    }

    public static void run(Consumer<String> out) {
        Buffer buf4 = Buffer.from(new int[] {1, 2, 3});
        Buffer buf5 = Buffer.from(new double[] {257, 257.5, -255, 1});
        Buffer buf6 = Buffer.from("tést");
        Buffer buf7 = Buffer.from("tést", "latin1");
        Buffer buf1 = Buffer.alloc(10);
        Buffer buf2 = Buffer.alloc(10, 1);
        Buffer buf3 = Buffer.allocUnsafe(10);
        out.accept(buf4.inspect());
        out.accept(buf5.inspect());
        out.accept(buf6.inspect());
        out.accept(buf7.inspect());
        out.accept(buf1.inspect());
        out.accept(buf2.inspect());
        out.accept(String.valueOf(buf3.length()));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
