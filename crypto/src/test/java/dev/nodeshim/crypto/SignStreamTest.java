package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.createSign;
import static dev.nodeshim.crypto.Crypto.createVerify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import dev.nodeshim.stream.Readable;
import dev.nodeshim.stream.Writable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign and Verify as Writable streams: the steps of a node script and the event trace node 20 printed
 * for them; signatures compared with the one-shot {@code crypto.sign} of the same data (RSA PKCS#1
 * v1.5 is deterministic, and the one-shot form is checked against Node by the conformance cases).
 */
class SignStreamTest {
    private static final String KEY = KeyFixtures.text(KeyFixtures.get("rsa", "private.pem.pkcs8"));
    private final List<String> log = new ArrayList<>();

    private void watch(String name, Writable w) {
        for (String ev : new String[] {"finish", "prefinish", "close", "drain", "pipe", "unpipe"}) {
            w.on(ev, () -> log.add(name + " " + ev));
        }
        w.on("error", (Throwable e) -> log.add(name + " error " + ((NodeError) e).code()));
    }

    private static String oneShot(String data) {
        return Crypto.sign("sha256", data, KEY).toString("hex");
    }

    @Test
    void writesThenEndThenSign() {
        String[] sig = new String[1];
        EventLoop.run(() -> {
            Sign sign = createSign("sha256");
            Writable s = sign.stream();
            watch("s", s);
            log.add("w " + s.write("ab"));
            log.add("w " + s.write(Buffer.from("c")));
            s.end();
            log.add("after end");
            EventLoop.current().nextTick(() -> log.add("tick"));
            Timers.setImmediate(() -> {
                sig[0] = sign.sign(KEY, "hex");
                log.add("imm");
                try {
                    sign.sign(KEY);
                } catch (NodeError e) {
                    log.add("sign2 " + e.code() + " " + e.getMessage());
                }
            });
        });
        assertEquals(String.join("\n", "w true", "w true", "s prefinish", "after end", "s finish", "tick", "s close",
                "imm", "sign2 ERR_CRYPTO_INVALID_STATE Not initialised"), String.join("\n", log));
        assertEquals(oneShot("abc"), sig[0]);
    }

    @Test
    void updateAndWriteFeedOneStateAndSignMayComeRightAfterEnd() {
        String[] sig = new String[1];
        EventLoop.run(() -> {
            Sign sign = createSign("sha256");
            Writable s = sign.stream();
            watch("s2", s);
            sign.update("a");
            s.end("bc", null, err -> log.add("end cb"));
            sig[0] = sign.sign(KEY, "hex");
            log.add("sign now");
        });
        assertEquals(String.join("\n", "s2 prefinish", "sign now", "end cb", "s2 finish", "s2 close"),
                String.join("\n", log));
        assertEquals(oneShot("abc"), sig[0]);
    }

    @Test
    void writeAfterSignThrowsAsNodesDoes() {
        EventLoop.run(() -> {
            Sign sign = createSign("sha256");
            Writable s = sign.stream();
            sign.sign(KEY);
            try {
                s.write("x");
                log.add("no throw");
            } catch (NodeError e) {
                log.add("w3 threw " + e.code() + " " + e.getMessage());
            }
        });
        assertEquals("w3 threw ERR_CRYPTO_INVALID_STATE Not initialised", String.join("\n", log));
    }

    @Test
    void aReadablePipedIntoVerifyAndAStringWrittenInHex() {
        Buffer signature = Crypto.sign("sha256", "abc", KEY);
        EventLoop.run(() -> {
            Verify verify = createVerify("sha256");
            Writable v = verify.stream();
            watch("v", v);
            Readable.from(List.of("a", "b", "c")).pipe(v).on("finish",
                    () -> log.add("verify " + verify.verify(KEY, signature)));
        });
        assertEquals(String.join("\n", "v pipe", "v prefinish", "v finish", "v unpipe", "verify true", "v close"),
                String.join("\n", log));
        log.clear();
        String[] sig = new String[1];
        EventLoop.run(() -> {
            Sign sign = createSign("sha256");
            Writable s = sign.stream();
            // 'abc' in hex is the byte 0xab, as Node's Writable decodes it
            s.write("abc", "hex", null);
            s.end();
            s.on("finish", () -> sig[0] = sign.sign(KEY, "hex"));
        });
        assertEquals(Crypto.sign("sha256", Buffer.from("ab", "hex"), KEY).toString("hex"), sig[0]);
    }

    @Test
    void streamIsMadeOnceAndDoesNotChangeUpdate() {
        Sign sign = createSign("sha256");
        assertEquals(true, sign.stream() == sign.stream());
        Verify verify = createVerify("sha256");
        assertEquals(true, verify.stream() == verify.stream());
        assertEquals(oneShot("xyz"), createSign("sha256").update("x").update("yz").sign(KEY, "hex"));
    }
}
