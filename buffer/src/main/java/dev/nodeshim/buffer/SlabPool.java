package dev.nodeshim.buffer;

/**
 * Node's buffer pool: small unsafe allocations are carved out of one shared 8 KiB slab, so that
 * creating many small buffers costs one array allocation per slab instead of one per buffer.
 *
 * <h2>The algorithm (Node's, exactly)</h2>
 *
 * A pool is a slab ({@link ArrayBuffer}) of {@code slabSize} bytes and an offset. A request for
 * {@code n} bytes from {@link Buffer#allocUnsafe}, {@link Buffer#from} or {@link Buffer#concat}:
 * <ol>
 * <li>{@code n <= 0}: a fresh empty buffer, no pool involved.</li>
 * <li>{@code n >= Buffer.poolSize() >>> 1} (4096 by default): a fresh store of its own.</li>
 * <li>otherwise, when {@code n > slabSize - offset}, a new slab of {@code Buffer.poolSize()} bytes
 *     replaces the current one (the rest of the old slab is simply abandoned; buffers already cut
 *     from it keep it alive);</li>
 * <li>the buffer is {@code slab[offset, offset + n)}; the offset moves past it, rounded up to a
 *     multiple of 8 so that every pooled buffer starts 8-aligned.</li>
 * </ol>
 * For strings ({@code Buffer.from(string, encoding)}) Node decides on a cheap upper bound instead
 * of the exact size: a string of {@code poolSize >>> 1} UTF-16 units or more gets a store of its
 * own; otherwise {@code n = 4 * units} bytes are reserved (step 3 uses that {@code n}), unless that
 * bound reaches the threshold, in which case {@code n} is the encoding's byte length (exact for
 * utf8, an estimate for base64 and hex) and a store of its own is used when {@code n} reaches the
 * threshold too. The offset then moves by the bytes actually written. So
 * {@code from("a".repeat(1100))} starts a new slab when fewer than 4400 bytes are left, though it
 * writes 1100, and base64 with garbage in it moves the offset by less than it reserved.
 * {@link Buffer#alloc} and {@link Buffer#allocUnsafeSlow} never use the pool.
 *
 * <pre>
 *  slab (8192 bytes, one ArrayBuffer)
 *  +--------+---+--------------+--+------------------------------+
 *  | a: 5   |pad| b: 13        |p | free                         |
 *  +--------+---+--------------+--+------------------------------+
 *  0        5   8              21 24                        8192
 *  a.byteOffset() == 0, b.byteOffset() == 8, a.buffer() == b.buffer()
 * </pre>
 *
 * <h2>Aliasing</h2>
 * A pooled buffer shares its slab with its neighbours: {@code buf.buffer()} is the whole slab, and
 * writing through {@code buf.buffer().array()} outside {@code [byteOffset, byteOffset + length)}
 * corrupts other buffers. Bytes of a fresh {@code allocUnsafe} buffer are whatever the slab held
 * (zeros, in this implementation, because slabs are never reused once abandoned).
 *
 * <h2>Threads</h2>
 * Node has one thread; Java has many. Each thread has its own pool ({@link ThreadLocal}), so
 * <ul>
 * <li>a thread never receives memory another thread is using (slabs are never shared between
 *     threads at allocation time; a buffer handed to another thread afterwards is the caller's
 *     business, as any array is), and</li>
 * <li>one thread sees Node's exact layout ({@code byteOffset}s, slab changes), whatever other
 *     threads do.</li>
 * </ul>
 * There is no lock and no contention. Rejected alternatives: one global pool behind a lock or a
 * CAS on the offset is also safe, but interleaved threads would see each other's allocations in
 * their offsets (breaking the layout Node code may rely on) and would contend on every small
 * allocation. The cost of the per-thread design: up to one partly used 8 KiB slab per thread that
 * ever allocated small buffers (with many virtual threads, that is 8 KiB per such thread, released
 * with the thread).
 */
final class SlabPool {
    private static final ThreadLocal<SlabPool> POOLS = ThreadLocal.withInitial(SlabPool::new);

    /** {@code Buffer.poolSize}: read at every allocation, used for new slabs. */
    private static volatile int poolSize = 8 * 1024;

    private ArrayBuffer slab;
    private int slabSize;
    private int offset;

    private SlabPool() {
    }

    static int poolSize() {
        return poolSize;
    }

    static void poolSize(int size) {
        poolSize = size;
    }

    /** The calling thread's pool. */
    static SlabPool current() {
        return POOLS.get();
    }

    /** Whether a request of {@code n} bytes (n &gt; 0) is served from the pool. */
    static boolean pooled(long n) {
        return n < (poolSize >>> 1);
    }

    /**
     * Makes room for {@code n} bytes (a new slab when the current one is too full). Call only when
     * {@link #pooled} holds. Returns the slab; {@link #offset()} is where the bytes go.
     */
    ArrayBuffer reserve(int n) {
        if (slab == null || n > slabSize - offset) {
            int size = poolSize;
            if (size < 0) {
                throw BufferErrors.invalidTypedArrayLength(size);
            }
            slab = new ArrayBuffer(size);
            slabSize = size;
            offset = 0;
        }
        return slab;
    }

    int offset() {
        return offset;
    }

    /** Moves the offset past {@code used} bytes, then to the next multiple of 8. */
    void advance(int used) {
        offset = (offset + used + 7) & ~7;
    }

    /** A pooled buffer of {@code n} bytes (0 &lt; n, {@link #pooled}(n)). */
    static Buffer allocate(int n) {
        SlabPool pool = current();
        ArrayBuffer ab = pool.reserve(n);
        Buffer b = new Buffer(ab, pool.offset, n);
        pool.advance(n);
        return b;
    }
}
