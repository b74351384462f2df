package dev.nodeshim.childprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodeshim.buffer.Buffer;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trips through {@link V8Serializer} and {@link V8Deserializer}: a value comes back as the
 * mapping promises (integral numbers in int range as Integer, other numbers as Double, maps as
 * objects with string keys, JsMap/Set/BigInteger/Instant/Buffer as themselves), and what was read
 * writes the same bytes again.
 */
class V8RoundTripPropertiesTest {

    private static Object roundTrip(Object v) {
        return V8Deserializer.deserialize(V8Serializer.serialize(v));
    }

    @Property(tries = 300)
    void nestedValuesComeBackAsTheMappingSays(@ForAll("values") Object v) {
        assertEquals(expected(v), roundTrip(v));
    }

    @Property(tries = 300)
    void whatWasReadWritesTheSameBytes(@ForAll("values") Object v) {
        byte[] once = V8Serializer.serialize(v).toByteArray();
        byte[] twice = V8Serializer.serialize(V8Deserializer.deserialize(Buffer.from(once))).toByteArray();
        assertArrayEquals(once, twice);
    }

    @Property(tries = 500)
    void everyStringComesBackExactly(@ForAll String s) {
        assertEquals(s, roundTrip(s));
    }

    @Property(tries = 500)
    void everyDoubleComesBackExactly(@ForAll double d) {
        Object back = roundTrip(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(((Number) back).doubleValue()));
    }

    @Property(tries = 500)
    void everyBigIntegerComesBackExactly(@ForAll BigInteger b) {
        assertEquals(b, roundTrip(b));
    }

    @Property(tries = 200)
    void typedArraysComeBackAsTheirJavaArrays(@ForAll int[] ints, @ForAll double[] doubles, @ForAll long[] longs,
            @ForAll short[] shorts, @ForAll byte[] bytes) {
        assertArrayEquals(ints, (int[]) roundTrip(ints));
        assertArrayEquals(doubles, (double[]) roundTrip(doubles));
        assertArrayEquals(longs, (long[]) roundTrip(longs));
        assertArrayEquals(shorts, (short[]) roundTrip(shorts));
        assertArrayEquals(bytes, ((Buffer) roundTrip(bytes)).toByteArray());
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 4);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.integers().map(i -> i),
                Arbitraries.doubles().map(d -> d),
                Arbitraries.of(0.0, -0.0, 2.0, 2147483648.0, Double.NaN, Double.POSITIVE_INFINITY).map(d -> d),
                Arbitraries.longs().map(l -> l),
                Arbitraries.strings().ofMaxLength(20).map(s -> s),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(130).negate(), BigInteger.TWO.pow(130)).map(b -> b),
                Arbitraries.longs().between(-8_640_000_000_000_000L, 8_640_000_000_000_000L)
                        .map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(b -> (Object) Buffer.wrap(b)));
    }

    private Arbitrary<Object> container(Arbitrary<Object> inner) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6),
                Arbitraries.integers().between(0, 5000).map(String::valueOf));
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(5).map(l -> (Object) l),
                Arbitraries.maps(keys, inner).ofMaxSize(5).map(m -> (Object) new LinkedHashMap<>(m)),
                Arbitraries.maps(distinctKeys(), inner).ofMaxSize(4).map(m -> (Object) new JsMap(m)),
                distinctKeys().set().ofMaxSize(4).map(s -> (Object) new LinkedHashSet<>(s)));
    }

    /** Set elements and Map keys that stay distinct after the mapping (2 and 2.0 would become one). */
    private static Arbitrary<Object> distinctKeys() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(70)).map(b -> (Object) b));
    }

    /** What the mapping promises back for {@code v}. */
    private static Object expected(Object v) {
        if (v instanceof Double || v instanceof Long) {
            double d = ((Number) v).doubleValue();
            if (d == (int) d && Double.doubleToRawLongBits(d) != Long.MIN_VALUE) {
                return (int) d;
            }
            return d;
        }
        if (v instanceof JsMap m) {
            JsMap out = new JsMap();
            m.forEach((k, x) -> out.put(expected(k), expected(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), expected(x)));
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            s.forEach(x -> out.add(expected(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(expected(x)));
            return out;
        }
        return v;
    }
}
