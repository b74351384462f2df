package dev.nodeshim.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every expected string is what Node 20 prints for the JavaScript value the Java value stands for:
 * {@code node -p 'util.inspect(VALUE)'} (quote: {@code util.inspect(STRING)}, numberToString:
 * {@code String(NUMBER)}).
 */
class InspectTest {

    @Test
    void primitives() {
        assertEquals("'abc'", Inspect.inspect("abc"));
        assertEquals("''", Inspect.inspect(""));
        assertEquals("'x'", Inspect.inspect('x')); // a char is a one-character string
        assertEquals("5", Inspect.inspect(5));
        assertEquals("5", Inspect.inspect(5L));
        assertEquals("1.5", Inspect.inspect(1.5));
        assertEquals("true", Inspect.inspect(true));
        assertEquals("null", Inspect.inspect(null));
        assertEquals("undefined", Inspect.inspect(Undefined.INSTANCE));
    }

    @Test
    void negativeZeroAndSpecialNumbers() {
        // node -p 'util.inspect(-0)' → -0, while String(-0) is 0
        assertEquals("-0", Inspect.inspect(-0.0));
        assertEquals("-0", Inspect.inspect(-0.0f));
        assertEquals("0", Inspect.inspect(0.0));
        assertEquals("NaN", Inspect.inspect(Double.NaN));
        assertEquals("Infinity", Inspect.inspect(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Inspect.inspect(Double.NEGATIVE_INFINITY));
        assertEquals("-0", Inspect.number(-0.0));
        assertEquals("0", Inspect.numberToString(-0.0));
    }

    @Test
    void bigint() {
        assertEquals("10n", Inspect.inspect(BigInteger.TEN));
        assertEquals("-5n", Inspect.inspect(BigInteger.valueOf(-5)));
        assertEquals("0n", Inspect.inspect(BigInteger.ZERO));
    }

    @Test
    void arraysAndLists() {
        // node -p 'util.inspect([1, "a", null, undefined])'
        assertEquals("[ 1, 'a', null, undefined ]",
                Inspect.inspect(Arrays.asList(1, "a", null, Undefined.INSTANCE)));
        assertEquals("[ 1, 'a', null, undefined ]",
                Inspect.inspect(new Object[] {1, "a", null, Undefined.INSTANCE}));
        assertEquals("[]", Inspect.inspect(List.of()));
        assertEquals("[]", Inspect.inspect(new Object[0]));
        // node -p 'util.inspect([1.5, -0, 10n])'
        assertEquals("[ 1.5, -0, 10n ]", Inspect.inspect(List.of(1.5, -0.0, BigInteger.TEN)));
        assertEquals("[ 1, 2, 3, 4, 5, 6 ]", Inspect.inspect(List.of(1, 2, 3, 4, 5, 6)));
    }

    @Test
    void primitiveArraysAreArraysAndBytesAUint8Array() {
        // node -p 'util.inspect([true, false])'
        assertEquals("[ true, false ]", Inspect.inspect(new boolean[] {true, false}));
        assertEquals("[ 1, -2 ]", Inspect.inspect(new int[] {1, -2}));
        assertEquals("[ 1.5, -0 ]", Inspect.inspect(new double[] {1.5, -0.0}));
        assertEquals("[]", Inspect.inspect(new long[0]));
        // node -p 'util.inspect(new Uint8Array([1, 255]))'; util.inspect(new Uint8Array(0))
        assertEquals("Uint8Array(2) [ 1, 255 ]", Inspect.inspect(new byte[] {1, (byte) 255}));
        assertEquals("Uint8Array(0) []", Inspect.inspect(new byte[0]));
        // node -p 'util.inspect([[[new Uint8Array([1])]]])' → [ [ [ [Uint8Array] ] ] ]
        assertEquals("[ [ [ [Uint8Array] ] ] ]",
                Inspect.inspect(List.of(List.of(List.of(new byte[] {1})))));
        // node -p 'util.inspect([[[new Uint8Array(0)]]])'
        assertEquals("[ [ [ Uint8Array(0) [] ] ] ]", Inspect.inspect(List.of(List.of(List.of(new byte[0])))));
    }

    @Test
    void mapsArePlainObjects() {
        assertEquals("{}", Inspect.inspect(Map.of()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b-c", "x");
        m.put("_z", List.of(1));
        // node -p 'util.inspect({a: 1, "b-c": "x", _z: [1]})'
        assertEquals("{ a: 1, 'b-c': 'x', _z: [ 1 ] }", Inspect.inspect(m));
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, 3);
        keys.put("$a", 1);
        keys.put("it's", 2);
        keys.put("a b", 4);
        // node -p 'util.inspect({1: 3, $a: 1, "it\'s": 2, "a b": 4})'
        assertEquals("{ '1': 3, '$a': 1, \"it's\": 2, 'a b': 4 }", Inspect.inspect(keys));
    }

    @Test
    void nestingDeeperThanTwoIsCut() {
        // node -p 'util.inspect([[[[1]]]])'
        assertEquals("[ [ [ [Array] ] ] ]", Inspect.inspect(List.of(List.of(List.of(List.of(1))))));
        // node -p 'util.inspect([[[[]]]])'
        assertEquals("[ [ [ [] ] ] ]", Inspect.inspect(List.of(List.of(List.of(List.of())))));
        // node -p 'util.inspect({a: {b: {c: {d: 1}}}})'
        assertEquals("{ a: { b: { c: [Object] } } }",
                Inspect.inspect(Map.of("a", Map.of("b", Map.of("c", Map.of("d", 1))))));
        // node -p 'util.inspect({a: {b: {c: {}}}})'
        assertEquals("{ a: { b: { c: {} } } }", Inspect.inspect(Map.of("a", Map.of("b", Map.of("c", Map.of())))));
    }

    @Test
    void errorsPrintTheFirstLineOfTheirStack() {
        // Node prints err.stack; its first line is String(err):
        // node -p 'util.inspect(new Error("x")).split("\n")[0]' → Error: x
        assertEquals("Error: x", Inspect.inspect(new IllegalStateException("x")));
        // node -p 'util.inspect(new Error()).split("\n")[0]' → Error
        assertEquals("Error", Inspect.inspect(new RuntimeException()));
        // node -e 'try{Buffer.alloc(-1)}catch(e){console.log(util.inspect(e).split("\n")[0])}'
        NodeError range = new NodeError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1");
        assertEquals("RangeError [ERR_OUT_OF_RANGE]: The value of \"size\" is out of range. "
                + "It must be >= 0 && <= 4294967296. Received -1", Inspect.inspect(range));
    }

    @Test
    void quoteChoosesTheQuoteNodeChooses() {
        assertEquals("'abc'", Inspect.quote("abc"));
        // node -p 'util.inspect("it\x27s")'
        assertEquals("\"it's\"", Inspect.quote("it's"));
        assertEquals("'say \"hi\"'", Inspect.quote("say \"hi\""));
        // both quotes → backticks: node -p 'util.inspect(`it\x27s "x"`)'
        assertEquals("`it's \"x\"`", Inspect.quote("it's \"x\""));
        // all three → single quotes, escaped: util.inspect("it's \"x\" `y`") → 'it\'s "x" `y`'
        assertEquals("'it\\'s \"x\" `y`'", Inspect.quote("it's \"x\" `y`"));
        // ${ rules out backticks too: util.inspect("it's \"x\" ${y}") → 'it\'s "x" ${y}'
        assertEquals("'it\\'s \"x\" ${y}'", Inspect.quote("it's \"x\" ${y}"));
        assertEquals("'back\\\\slash'", Inspect.quote("back\\slash"));
    }

    @Test
    void quoteEscapesControls() {
        // node -p 'util.inspect("\b\t\n\f\r\x00\x1b")' → '\b\t\n\f\r\x00\x1B'
        assertEquals("'\\b\\t\\n\\f\\r\\x00\\x1B'", Inspect.quote("\b\t\n\f\r\u0000\u001b"));
        // V8 has no \v escape here: node -p 'util.inspect("a\x0Bb")' → 'a\x0Bb'
        assertEquals("'a\\x0Bb'", Inspect.quote("a\u000Bb"));
        // DEL and C1 controls are escaped, U+00A0 is not: util.inspect("\x7F\x80\x9F\xA0") → '\x7F\x80\x9F\xA0'
        // with a raw no-break space at the end
        assertEquals("'\\x7F\\x80\\x9F\u00A0'", Inspect.quote("\u007F\u0080\u009F\u00A0"));
        assertEquals("'\u2028'", Inspect.quote("\u2028"));
    }

    @Test
    void quoteEscapesLoneSurrogatesOnly() {
        // node -p 'util.inspect("\uD800")' → '\ud800'; util.inspect("x\uDC00y") → 'x\udc00y'
        assertEquals("'\\ud800'", Inspect.quote("\uD800"));
        assertEquals("'x\\udc00y'", Inspect.quote("x\uDC00y"));
        // a pair is a character: util.inspect("\uD83D\uDE00") prints the emoji
        assertEquals("'\uD83D\uDE00'", Inspect.quote("\uD83D\uDE00"));
        // reversed pair: two lone surrogates
        assertEquals("'\\ude00\\ud83d'", Inspect.quote("\uDE00\uD83D"));
    }

    @Test
    void numberToStringIsJavaScriptsString() {
        // node -p 'String(N)' for each N
        assertEquals("1", Inspect.numberToString(1));
        assertEquals("-1", Inspect.numberToString(-1));
        assertEquals("1.5", Inspect.numberToString(1.5));
        assertEquals("0", Inspect.numberToString(-0.0));
        assertEquals("1e+21", Inspect.numberToString(1e21));
        assertEquals("-1e+21", Inspect.numberToString(-1e21));
        assertEquals("1e+100", Inspect.numberToString(1e100));
        assertEquals("1.5e-7", Inspect.numberToString(1.5e-7));
        assertEquals("-1.5e-7", Inspect.numberToString(-1.5e-7));
        assertEquals("1e-7", Inspect.numberToString(1e-7));
        assertEquals("0.000001", Inspect.numberToString(1e-6));
        assertEquals("1.23e-18", Inspect.numberToString(123e-20));
        assertEquals("5e-324", Inspect.numberToString(Double.MIN_VALUE));
        assertEquals("0.30000000000000004", Inspect.numberToString(0.1 + 0.2));
        assertEquals("9007199254740992", Inspect.numberToString(9007199254740992.0));
        assertEquals("9007199254740991", Inspect.numberToString(9007199254740991.0));
        assertEquals("NaN", Inspect.numberToString(Double.NaN));
        assertEquals("-Infinity", Inspect.numberToString(Double.NEGATIVE_INFINITY));
    }

    @Test
    void integersAbove2To53PrintTheShortestDigits() {
        // node -p 'String(123456789012345680000)' → 123456789012345680000 (the double is exactly
        // 123456789012345683968, which JS does not print)
        assertEquals("123456789012345680000", Inspect.numberToString(123456789012345680000.0));
        // node -p 'String(2**60)' → 1152921504606847000
        assertEquals("1152921504606847000", Inspect.numberToString(Math.pow(2, 60)));
        // node -p 'String(2**63)' → 9223372036854776000
        assertEquals("9223372036854776000", Inspect.numberToString(Math.pow(2, 63)));
        assertEquals("-9223372036854776000", Inspect.numberToString(-Math.pow(2, 63)));
        // node -p 'String(2**53 + 2)' → 9007199254740994
        assertEquals("9007199254740994", Inspect.numberToString(9007199254740994.0));
    }

    @Test
    void addNumericalSeparator() {
        // Node's own helper, seen through ERR_OUT_OF_RANGE:
        // node -e 'Buffer.alloc(4).writeUInt32LE(2**40)' → Received 1_099_511_627_776
        assertEquals("1_099_511_627_776", Inspect.addNumericalSeparator("1099511627776"));
        // writeUInt32LE(-(2**40)) → Received -1_099_511_627_776
        assertEquals("-1_099_511_627_776", Inspect.addNumericalSeparator("-1099511627776"));
        // writeUInt32LE(4294967297) → Received 4_294_967_297
        assertEquals("4_294_967_297", Inspect.addNumericalSeparator("4294967297"));
        // Below 2^32 errors never call it; these come from Node's function itself, taken from
        // process.binding('natives')['internal/errors'] and run in node on each input.
        assertEquals("1_000_000", Inspect.addNumericalSeparator("1000000"));
        assertEquals("100_000", Inspect.addNumericalSeparator("100000"));
        assertEquals("12_345", Inspect.addNumericalSeparator("12345"));
        assertEquals("1_000", Inspect.addNumericalSeparator("1000"));
        assertEquals("-1_000", Inspect.addNumericalSeparator("-1000"));
        assertEquals("-10_000", Inspect.addNumericalSeparator("-10000"));
        assertEquals("123", Inspect.addNumericalSeparator("123"));
        assertEquals("-123", Inspect.addNumericalSeparator("-123"));
        // Node applies it to String(1e21) as is: writeUInt32LE(1e21) → Received 1e_+21
        assertEquals("1e_+21", Inspect.addNumericalSeparator("1e+21"));
        assertEquals("-1e_+21", Inspect.addNumericalSeparator("-1e+21"));
        assertEquals("", Inspect.addNumericalSeparator(""));
    }

    @Test
    void listsAreInspectedWhateverTheirImplementation() {
        List<Object> list = new ArrayList<>();
        list.add("it's");
        list.add(Map.of());
        // node -p 'util.inspect(["it\x27s", {}])'
        assertEquals("[ \"it's\", {} ]", Inspect.inspect(list));
    }

    record Point(Object x, Object y) {
    }

    /** A JavaScript function named {@code check}. */
    static final class check implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void layoutAsNode() {
        // node -p "o = {}; for (let i = 0; i < 8; i++) o['key' + i] = 'value' + i; util.inspect(o)"
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            wide.put("key" + i, "value" + i);
        }
        assertEquals("{\n  key0: 'value0',\n  key1: 'value1',\n  key2: 'value2',\n  key3: 'value3',\n"
                + "  key4: 'value4',\n  key5: 'value5',\n  key6: 'value6',\n  key7: 'value7'\n}", Inspect.inspect(wide));
        // class Point { constructor(x, y) { this.x = x; this.y = y } }; util.inspect({ p: new Point(1, [[[1]]]) })
        assertEquals("Point { x: 1, y: 2 }", Inspect.inspect(new Point(1, 2)));
        assertEquals("{ p: Point { x: 1, y: [ [Array] ] } }",
                Inspect.inspect(Map.of("p", new Point(1, List.of(List.of(List.of(1)))))));
        // util.inspect(['x\n' + 'y'.repeat(80)])
        assertEquals("[\n  'x\\n' +\n    '" + "y".repeat(80) + "'\n]", Inspect.inspect(List.of("x\n" + "y".repeat(80))));
        // a = []; a.push(a); util.inspect(a)
        List<Object> self = new ArrayList<>();
        self.add(self);
        assertEquals("<ref *1> [ [Circular *1] ]", Inspect.inspect(self));
        // util.inspect(function check() {}), util.inspect(() => {})
        assertEquals("[Function: check]", Inspect.inspect(new check()));
        assertEquals("[Function (anonymous)]", Inspect.inspect((Runnable) () -> { }));
        // an Inspectable shows itself, as an object with [util.inspect.custom] does
        assertEquals("[ <custom> ]", Inspect.inspect(List.of((Inspectable) () -> "<custom>")));
    }
}
