package dev.nodeshim.examples.crypto;

import static dev.nodeshim.crypto.Crypto.createHash;

import java.util.function.Consumer;

/**
 * Ports the seed's MD5 passage ("## MD5加密", seeds/002_8bfa7c3e83a58264.txt):
 * {@code createHash('md5').update(str, 'utf8').digest('hex')}.
 *
 * <pre>{@code
 * const crypto = require('crypto');
 * const md5 = str => {
 *     return crypto.createHash('md5').update(str, 'utf8').digest('hex');
 * };
 * console.log(md5('123456789'));                  // 25f9e794323b453885f5181f1b624d0b
 * console.log(md5('123456789').toUpperCase());    // 25F9E794323B453885F5181F1B624D0B
 * }</pre>
 *
 * The seed's {@code md5} returns {@code update(...)}, the Hash itself, so Node prints the object and
 * then fails on {@code toUpperCase}; the port adds the {@code digest('hex')} the text describes. The seed
 * also names the digest encodings hex, binary and base64; the last two lines show base64 and that
 * "binary" (latin1) gives one character per byte.
 */
public final class Md5 {
    private Md5() {
    }

    static String md5(String str) {
        return createHash("md5").update(str, "utf8").digest("hex");
    }

    public static void run(Consumer<String> out) {
        out.accept(md5("123456789"));
        out.accept(md5("123456789").toUpperCase());
        out.accept(createHash("md5").update("123456789", "utf8").digest("base64"));
        out.accept(String.valueOf(createHash("md5").update("123456789", "utf8").digest("binary").length()));
    }

    public static void main(String[] args) {
        run(System.out::println);
    }
}
