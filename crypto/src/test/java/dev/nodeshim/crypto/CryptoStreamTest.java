package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createCipheriv;
import static dev.nodeshim.crypto.Crypto.createDecipheriv;
import static dev.nodeshim.crypto.Crypto.createHash;
import static dev.nodeshim.crypto.Crypto.createHmac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import dev.nodeshim.stream.PassThrough;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Streams;
import dev.nodeshim.stream.Transform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hash, Hmac, Cipher and Decipher as Transform streams: each test performs the steps of a node
 * script and expects the trace node 20 printed for it (events in order, data as hex).
 */
class CryptoStreamTest {
    private final List<String> log = new ArrayList<>();

    private static Buffer fill(int n, int v) {
        return Buffer.alloc(n, v);
    }

    private void watch(String name, Transform s) {
        s.on("data", (Object x) -> log.add(name + " data " + (x instanceof Buffer b ? "buf:" + b.toString("hex") : x)));
        for (String ev : new String[] {"end", "finish", "prefinish", "close"}) {
            s.on(ev, () -> log.add(name + " " + ev));
        }
        s.on("error", (Throwable e) -> log.add(name + " error " + ((NodeError) e).code() + " " + e.getMessage()));
    }

    private void expect(String... lines) {
        assertEquals(String.join("\n", lines), String.join("\n", log));
    }

    @Test
    void hashPushesTheDigestAtTheEnd() {
        EventLoop.run(() -> {
            Hash hash = createHash("sha256");
            Transform h = hash.stream();
            watch("h", h);
            log.add("write " + h.write("ab"));
            log.add("write " + h.write(Buffer.from("c")));
            h.end();
            log.add("after end");
            EventLoop.current().nextTick(() -> log.add("tick"));
            Timers.setImmediate(() -> {
                log.add("immediate");
                log.add("digest " + hash.digest("hex"));
                try {
                    hash.digest();
                } catch (NodeError e) {
                    log.add(e.code());
                }
            });
        });
        expect("write true", "write true",
                "h data buf:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "h prefinish",
                "after end", "h end", "h finish", "tick", "h close", "immediate",
                "digest ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "ERR_CRYPTO_HASH_FINALIZED");
    }

    @Test
    void hashWithEncodingAndEndCallback() {
        EventLoop.run(() -> {
            Transform h = createHash("md5").stream();
            h.setEncoding("hex");
            watch("h", h);
            h.end("abc", null, err -> log.add("end cb"));
        });
        expect("h data 900150983cd24fb0d6963f7d28e17f72", "h prefinish", "h end", "end cb", "h finish", "h close");
    }

    @Test
    void digestBeforeEndIsPushedAgainAndUpdateMixesWithWrite() {
        EventLoop.run(() -> {
            Hash hash = createHash("sha256");
            Transform h = hash.stream();
            watch("h", h);
            hash.update("a");
            h.write("b");
            log.add(hash.copy().digest("hex"));
            h.end("c");
        });
        expect("fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603",
                "h data buf:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "h prefinish",
                "h end", "h finish", "h close");
        log.clear();
        EventLoop.run(() -> {
            Hash hash = createHash("sha256");
            Transform h = hash.stream();
            watch("h", h);
            h.write("a");
            log.add(hash.digest("hex"));
            h.end();
        });
        expect("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                "h data buf:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", "h prefinish",
                "h end", "h finish", "h close");
    }

    @Test
    void hmacFinalisesAtTheEnd() {
        EventLoop.run(() -> {
            Hmac hmac = createHmac("sha256", "k");
            Transform h = hmac.stream();
            watch("h", h);
            h.write("abc");
            h.end();
            Timers.setImmediate(() -> {
                log.add("digest '" + hmac.digest("hex") + "'");
                try {
                    hmac.update("x");
                } catch (NodeError e) {
                    log.add(e.code() + " " + e.getMessage());
                }
            });
        });
        expect("h data buf:342e519ce0ad6c03a36b98eeb3f1d130db4813b9df4d1160eda488d712dc78ee", "h prefinish",
                "h end", "h finish", "h close", "digest ''", "ERR_CRYPTO_HASH_FINALIZED Digest already called");
    }

    @Test
    void cipherPushesEachUpdate() {
        EventLoop.run(() -> {
            Transform c = createCipheriv("aes-128-cbc", fill(16, 1), fill(16, 2)).stream();
            watch("c", c);
            log.add("w " + c.write(fill(10, 3)));
            log.add("w " + c.write(fill(10, 4)));
            c.end(fill(20, 5));
            log.add("after end");
        });
        expect("w true", "c data buf:c45074936b9063daecb34416b9ae2f5d", "w true",
                "c data buf:37d36aa3c01bf7ef270840599bc2d999", "c data buf:6949ce98355004df952fa92d1138538d",
                "c prefinish", "after end", "c end", "c finish", "c close");
    }

    @Test
    void aBadFinalIsAnErrorEvent() {
        EventLoop.run(() -> {
            Transform d = createDecipheriv("aes-128-cbc", fill(16, 1), fill(16, 2)).stream();
            watch("d", d);
            d.write(fill(16, 3));
            d.end();
            log.add("after end");
        });
        expect("after end", "d error ERR_OSSL_BAD_DECRYPT error:1C800064:Provider routines::bad decrypt", "d close");
        log.clear();
        EventLoop.run(() -> {
            Decipher dec = createDecipheriv("aes-128-gcm", fill(16, 1), fill(12, 2));
            dec.setAuthTag(fill(16, 0));
            Transform d = dec.stream();
            d.on("error", (Throwable e) -> log.add("d error " + e.getMessage()));
            d.on("data", (Object x) -> log.add("d data " + ((Buffer) x).toString("hex")));
            d.on("close", () -> log.add("d close"));
            d.write(fill(5, 3));
            d.end();
            log.add("after end");
        });
        expect("d data 50e71360c5", "after end", "d error Unsupported state or unable to authenticate data", "d close");
    }

    @Test
    void finalCalledBeforeTheEndIsAnInvalidStateError() {
        EventLoop.run(() -> {
            Cipher cipher = createCipheriv("aes-128-cbc", fill(16, 1), fill(16, 2));
            Transform c = cipher.stream();
            watch("c", c);
            c.write("abc");
            log.add("final " + cipher.doFinal("hex"));
            c.end();
        });
        expect("final 784777e1715952327499635f78d673e4", "c error ERR_CRYPTO_INVALID_STATE Invalid state", "c close");
    }

    @Test
    void pipeAndPipeline() {
        EventLoop.run(() -> {
            PassThrough out = new PassThrough();
            out.on("data", (Object x) -> log.add("out data " + ((Buffer) x).toString()));
            out.on("end", () -> log.add("out end"));
            Readable.from(List.of("a", "b", "c")).pipe(createHash("sha1").stream()).setEncoding("hex").pipe(out);
        });
        expect("out data a9993e364706816aba3e25717850c26c9cd0d89d", "out end");
        log.clear();
        EventLoop.run(() -> {
            Buffer key = fill(32, 1);
            Buffer iv = fill(16, 2);
            List<Buffer> chunks = new ArrayList<>();
            PassThrough sink = new PassThrough();
            sink.on("data", (Object x) -> chunks.add((Buffer) x));
            Streams.pipeline(List.of(Readable.from(List.of(Buffer.from("hello "), Buffer.from("world"))),
                    createCipheriv("aes-256-ctr", key, iv).stream(), createDecipheriv("aes-256-ctr", key, iv).stream(),
                    sink), err -> log.add("done " + err + " " + Buffer.concat(chunks).toString()));
        });
        expect("done null hello world");
    }
}
