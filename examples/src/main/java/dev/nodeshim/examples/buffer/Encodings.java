package dev.nodeshim.examples.buffer;

import dev.nodeshim.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Ports "Buffer与字符编码", "字符串与Buffer类型互转" and "Buffer与迭代器"
 * (seeds/002_8bfa7c3e83a58264.txt): converting between strings and buffers. {@code toString(enc,
 * start, end)} counts bytes, so an end inside a multi-byte character cuts it: the seed's
 * {@code 'Node.js 技术栈'} cut at byte 9 ends in U+FFFD, because 技 is the three bytes
 * {@code e6 8a 80} at 8..10.
 *
 * <pre>{@code
 * const buf = Buffer.from('hello world', 'utf8');
 * console.log(buf.toString('hex'));      // 68656c6c6f20776f726c64
 * console.log(buf.toString('base64'));   // aGVsbG8gd29ybGQ=
 * const zh = Buffer.from('Node.js 技术栈', 'UTF-8');
 * console.log(zh.toString('UTF-8', 0, 9));   // Node.js �
 * console.log(zh.toString('UTF-8', 0, 11));  // Node.js 技
 * for (const b of Buffer.from([1, 2, 3])) console.log(b);
 * }</pre>
 */
public final class Encodings {
    private Encodings() {
    }

    public static void run(Consumer<String> out) {
        Buffer buf = Buffer.from("hello world", "utf8");
        out.accept(buf.inspect());
        out.accept(buf.toString("hex"));
        out.accept(buf.toString("base64"));
        out.accept(buf.toString("UTF-8"));
        Buffer zh = Buffer.from("Node.js 技术栈", "UTF-8");
        out.accept(zh.toString("UTF-8", 0, 9));
        out.accept(zh.toString("UTF-8", 0, 11));
        out.accept(zh.subarray(8, 11).inspect());
        for (int b : Buffer.from(new int[] {1, 2, 3}).values()) {
            out.accept(String.valueOf(b));
        }
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
