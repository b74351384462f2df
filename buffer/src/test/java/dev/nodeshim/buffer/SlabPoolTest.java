package dev.nodeshim.buffer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layouts below are what Node v20 prints for the same sequence of calls. */
class SlabPoolTest {

    /** Node's probe: allocUnsafe(4095) until a fresh slab starts; returns that buffer. */
    static Buffer freshSlab() {
        Buffer prev = Buffer.allocUnsafe(4095);
        Buffer x;
        while ((x = Buffer.allocUnsafe(4095)).buffer() == prev.buffer()) {
            prev = x;
        }
        return x;
    }

    private static String rec(Buffer b, ArrayBuffer[] prev) {
        String s = b.length() + " " + b.byteOffset() + " " + (b.buffer() == prev[0]) + " " + b.buffer().byteLength();
        if (b.buffer().byteLength() > 0) {
            prev[0] = b.buffer();
        }
        return s;
    }

    @Test
    void nodeLayout() throws Exception {
        // Run on a thread of its own so that the layout starts from a known pool.
        Thread t = new Thread(() -> {
            Buffer first = freshSlab();
            assertEquals(0, first.byteOffset());
            ArrayBuffer[] prev = {first.buffer()};
            List<String> out = new ArrayList<>();
            for (int n : new int[] {1, 7, 8, 100, 4095, 4096, 0, 3, 2000, 2000, 2000, 2000}) {
                out.add(rec(Buffer.allocUnsafe(n), prev));
            }
            for (String s : new String[] {"abc", "x".repeat(5000), "", "x".repeat(4095), "é".repeat(2048), "é".repeat(2047)}) {
                out.add(rec(Buffer.from(s), prev));
            }
            Buffer b2 = Buffer.from(new int[] {1, 2, 3});
            out.add(rec(b2, prev));
            out.add(rec(Buffer.from(b2), prev));
            out.add(rec(Buffer.from("aGVsbG8", "base64"), prev));
            out.add(rec(Buffer.from("ab", "hex"), prev));
            out.add(rec(Buffer.concat(b2, b2), prev));
            out.add(rec(Buffer.alloc(5), prev));
            out.add(rec(Buffer.allocUnsafe(5), prev));
            out.add(rec(Buffer.from("héllo", "latin1"), prev));
            out.add(rec(Buffer.from("héllo", "ucs2"), prev));
            out.add(rec(Buffer.allocUnsafeSlow(5), prev));
            out.add(rec(Buffer.allocUnsafe(5), prev));
            out.add(rec(Buffer.from("A".repeat(6000), "base64"), prev));
            out.add(rec(Buffer.allocUnsafe(5), prev));
            out.add(rec(Buffer.concat(List.of(Buffer.alloc(5000))), prev));
            out.add(rec(Buffer.allocUnsafe(5), prev));
            out.add(rec(Buffer.concat(List.of()), prev));
            out.add(rec(Buffer.allocUnsafe(5), prev));
            assertEquals(List.of(
                    "1 4096 true 8192", "7 4104 true 8192", "8 4112 true 8192", "100 4120 true 8192",
                    "4095 0 false 8192", "4096 0 false 4096", "0 0 false 0", "3 4096 false 8192",
                    "2000 4104 true 8192", "2000 6104 true 8192", "2000 0 false 8192", "2000 2000 true 8192",
                    "3 4000 true 8192", "5000 0 false 5000", "0 0 false 0", "4095 4008 false 8192",
                    "4096 0 false 4096", "4094 0 false 8192",
                    "3 4096 true 8192", "3 4104 true 8192", "5 4112 true 8192", "1 4120 true 8192",
                    "6 4128 true 8192", "5 0 false 5", "5 4136 false 8192", "5 4144 true 8192",
                    "10 4152 true 8192", "5 0 false 5", "5 4168 false 8192",
                    "4500 0 false 4500", "5 4176 false 8192", "5000 0 false 5000", "5 4184 false 8192",
                    "0 0 false 0", "5 4192 true 8192"), out);
        });
        run(t);
    }

    @Test
    void garbageInputSizesTheStoreByTheEstimate() throws Exception {
        run(new Thread(() -> {
            Buffer b = Buffer.from(" ".repeat(6000) + "AAAA", "base64");
            assertEquals(3, b.length());
            assertEquals(4503, b.buffer().byteLength());
            Buffer h = Buffer.from("ab".repeat(2000) + "zz" + "ab".repeat(2000), "hex");
            assertEquals(2000, h.length());
            assertEquals(4001, h.buffer().byteLength());
            freshSlab();
            Buffer d = Buffer.from("ab".repeat(100) + "zz", "hex");
            Buffer next = Buffer.allocUnsafe(1);
            assertEquals(d.byteOffset() + 104, next.byteOffset(), "the offset moves by the bytes written");
        }));
    }

    @Test
    void stringsReserveFourBytesPerUnit() throws Exception {
        run(new Thread(() -> {
            Buffer x = freshSlab();
            Buffer y = Buffer.allocUnsafe(3000);
            Buffer z = Buffer.from("a".repeat(1100)); // reserves 4400 > 1096 left: new slab
            Buffer w = Buffer.from("a".repeat(1000)); // reserves 4000, writes 1000
            Buffer q = Buffer.from("aGVs".repeat(300), "base64"); // 4800 >= 4096: reserves the estimate, 900
            Buffer r = Buffer.from("\u00e9".repeat(1500), "latin1");
            assertEquals(List.of(0, 4096, true, 0, false, 1104, true, 2104, true, 900, 3008, true),
                    List.of(x.byteOffset(), y.byteOffset(), y.buffer() == x.buffer(), z.byteOffset(),
                            z.buffer() == y.buffer(), w.byteOffset(), w.buffer() == z.buffer(), q.byteOffset(),
                            q.buffer() == w.buffer(), q.length(), r.byteOffset(), r.buffer() == q.buffer()));
        }));
    }

    @Test
    void searchingDecodesSomeEncodingsThroughThePool() throws Exception {
        run(new Thread(() -> {
            Buffer b = Buffer.from("hello");
            freshSlab();
            List<String> out = new ArrayList<>();
            for (String e : List.of("utf8", "ucs2", "latin1", "binary", "ascii", "base64", "base64url", "hex")) {
                int p = Buffer.allocUnsafe(1).byteOffset();
                b.indexOf("6c6c", e);
                out.add(e + ":" + (Buffer.allocUnsafe(1).byteOffset() - p));
            }
            assertEquals(List.of("utf8:8", "ucs2:8", "latin1:8", "binary:8", "ascii:16", "base64:16", "base64url:16", "hex:16"), out);
        }));
    }

    @Test
    void poolSizeIsSettable() throws Exception {
        run(new Thread(() -> {
            int saved = Buffer.poolSize();
            try {
                Buffer.poolSize(100);
                Buffer slab = freshSlab(); // 4095 is no longer pooled: each is its own store
                assertEquals(4095, slab.buffer().byteLength());
                Buffer f = Buffer.allocUnsafe(40);
                Buffer g = Buffer.allocUnsafe(40);
                assertEquals(100, f.buffer().byteLength());
                assertSame(f.buffer(), g.buffer());
                assertEquals(f.byteOffset() + 40, g.byteOffset());
                Buffer.poolSize(0);
                assertEquals(1, Buffer.allocUnsafe(1).buffer().byteLength());
            } finally {
                Buffer.poolSize(saved);
            }
        }));
    }

    @Test
    void threadsNeverShareASlab() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Buffer>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Buffer> mine = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        mine.add(Buffer.allocUnsafe(1 + i % 64));
                    }
                    return mine;
                }));
            }
            Map<ArrayBuffer, Integer> owner = new IdentityHashMap<>();
            for (int t = 0; t < futures.size(); t++) {
                for (Buffer b : futures.get(t).get()) {
                    Integer previous = owner.putIfAbsent(b.buffer(), t);
                    assertTrue(previous == null || previous == t, "a slab used by two threads");
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void allocAndSlowNeverPool() {
        Buffer a = Buffer.alloc(10);
        Buffer b = Buffer.allocUnsafeSlow(10);
        assertEquals(10, a.buffer().byteLength());
        assertEquals(10, b.buffer().byteLength());
        assertNotSame(a.buffer(), b.buffer());
        assertFalse(Buffer.allocUnsafe(10).buffer().byteLength() == 10);
    }

    private static void run(Thread t) throws Exception {
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        t.join();
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}
