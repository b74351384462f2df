package dev.nodeshim.crypto;

import static dev.nodeshim.crypto.Crypto.getRandomValues;
import static dev.nodeshim.crypto.Crypto.randomBytes;
import static dev.nodeshim.crypto.Crypto.randomBytesAsync;
import static dev.nodeshim.crypto.Crypto.randomFill;
import static dev.nodeshim.crypto.Crypto.randomFillSync;
import static dev.nodeshim.crypto.Crypto.randomInt;
import static dev.nodeshim.crypto.Crypto.randomIntAsync;
import static dev.nodeshim.crypto.Crypto.randomUUID;
import static dev.nodeshim.crypto.Crypto.timingSafeEqual;
import static dev.nodeshim.crypto.NodeAssert.assertNodeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodeshim.buffer.Buffer;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.loop.EventLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random functions: Node 20's bounds and messages (printed by node), callbacks on the loop thread. */
class RandomTest {
    @Test
    void randomBytesSizes() {
        assertEquals(0, randomBytes(0).length());
        assertEquals(33, randomBytes(33).length());
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received -1", () -> randomBytes(-1));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received 4294967296",
                () -> randomBytes(4294967296L));
        // 64 random bytes are not all zero but with probability 2^-512
        byte[] b = randomBytes(64).toByteArray();
        boolean nonZero = false;
        for (byte x : b) {
            nonZero |= x != 0;
        }
        assertTrue(nonZero);
    }

    @Test
    void randomFillBounds() {
        Buffer four = Buffer.alloc(4);
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received 5", () -> randomFillSync(four, 5));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received -1", () -> randomFillSync(four, -1));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size + offset\" is out of range. It must be <= 4. Received 5", () -> randomFillSync(four, 1, 4));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received -1",
                () -> randomFillSync(four, 2, -1));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"buf\" argument must be an instance of ArrayBuffer or ArrayBufferView. Received null",
                () -> randomFillSync((Buffer) null));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received 5",
                () -> randomFill(four, 5, 0, (e, b) -> { }));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"callback\" argument must be of type function. Received null", () -> randomFill(four, null));
        // only [offset, offset + size) changes, in a view into a larger array
        byte[] backing = new byte[64];
        Buffer view = Buffer.wrap(backing, 8, 40);
        for (int i = 0; i < 20; i++) {
            randomFillSync(view, 10, 20);
        }
        for (int i = 0; i < 64; i++) {
            if (i < 18 || i >= 38) {
                assertEquals(0, backing[i], "byte " + i);
            }
        }
    }

    @Test
    void randomIntRules() {
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"max\" is out of range. It must be greater than the value of \"min\" (5). Received 3",
                () -> randomInt(5, 3));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"max\" is out of range. It must be greater than the value of \"min\" (0). Received 0",
                () -> randomInt(0));
        assertNodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"max - min\" is out of range. It must be <= 281474976710655. Received 281_474_976_710_656",
                () -> randomInt(0, 1L << 48));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"min\" argument must be a safe integer. Received type number (-9007199254740992)",
                () -> randomInt(-(1L << 53), 0));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"max\" argument must be a safe integer. Received type number (9007199254740992)",
                () -> randomInt(0, 1L << 53));
        assertEquals(0, randomInt(1));
        long big = randomInt(0, (1L << 48) - 1);
        assertTrue(big >= 0 && big < (1L << 48) - 1);
        // every value of a small range appears, none outside it
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long v = randomInt(-3, 4);
            assertTrue(v >= -3 && v < 4, "value " + v);
            seen.add(v);
        }
        assertEquals(7, seen.size());
    }

    @Test
    void uuidAndRandomValues() {
        String u = randomUUID();
        assertTrue(u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), u);
        assertEquals(65536, getRandomValues(new byte[65536]).length);
        NodeError e = assertNodeError("QuotaExceededError", null, "The requested length exceeds 65,536 bytes",
                () -> getRandomValues(new byte[65537]));
        assertEquals(22, e.prop("code"));
        assertNodeError("QuotaExceededError", null, "The requested length exceeds 65,536 bytes",
                () -> getRandomValues(new int[16385]));
        assertNodeError("TypeMismatchError", null, "The data argument must be an integer-type TypedArray",
                () -> getRandomValues((byte[]) null));
        int[] ints = new int[8];
        assertSame(ints, getRandomValues(ints));
    }

    @Test
    void timingSafeEqualRules() {
        assertTrue(timingSafeEqual(new byte[] {1, 2}, new byte[] {1, 2}));
        assertFalse(timingSafeEqual(Buffer.from("ab"), Buffer.from("ac")));
        assertNodeError("RangeError", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length",
                () -> timingSafeEqual(new byte[2], new byte[3]));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"buf2\" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.",
                () -> timingSafeEqual(new byte[2], null));
        assertNodeError("TypeError", "ERR_INVALID_ARG_TYPE",
                "The \"buf1\" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.",
                () -> timingSafeEqual(null, Buffer.alloc(1)));
    }

    @Test
    void callbacksRunOnTheLoopThreadAfterTheCallingCode() {
        List<String> trace = new ArrayList<>();
        Thread[] loopThread = new Thread[1];
        List<Thread> callbackThreads = new ArrayList<>();
        int code = EventLoop.run(() -> {
            loopThread[0] = Thread.currentThread();
            randomBytes(16, (err, buf) -> {
                assertNull(err);
                callbackThreads.add(Thread.currentThread());
                trace.add("bytes " + buf.length());
            });
            randomInt(10, 11, (err, n) -> {
                callbackThreads.add(Thread.currentThread());
                trace.add("int " + n);
            });
            randomFill(Buffer.alloc(5), (err, b) -> {
                callbackThreads.add(Thread.currentThread());
                trace.add("fill " + b.length());
            });
            randomBytesAsync(3).thenAccept(b -> {
                callbackThreads.add(Thread.currentThread());
                trace.add("future " + b.length());
            });
            randomIntAsync(7, 8).thenAccept(n -> trace.add("future int " + n));
            trace.add("sync end");
        });
        assertEquals(0, code);
        assertEquals("sync end", trace.get(0));
        assertEquals(Set.of("sync end", "bytes 16", "int 10", "fill 5", "future 3", "future int 7"), new HashSet<>(trace));
        for (Thread t : callbackThreads) {
            assertSame(loopThread[0], t);
        }
    }

    @Test
    void fillSyncOnArrays() {
        byte[] a = new byte[32];
        assertSame(a, randomFillSync(a));
        byte[] b = new byte[8];
        randomFillSync(b, 8, 0);
        assertArrayEquals(new byte[8], b);
    }
}
