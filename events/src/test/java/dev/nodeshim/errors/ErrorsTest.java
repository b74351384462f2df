package dev.nodeshim.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Messages are Node 20's, from public APIs where one raises the error ({@code t(f)} below is
 * {@code try { f() } catch (e) { console.log(e.name, e.code, e.message) }}), otherwise from
 * {@code node --expose-internals -e 'const {codes} = require("internal/errors"); console.log(new codes.CODE(...).message)'}.
 */
class ErrorsTest {
    private static final String LISTENER = "The \"listener\" argument must be of type function. ";

    private static void assertError(String name, String code, String message, NodeError e) {
        assertEquals(name, e.name());
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(name + " [" + code + "]: " + message, e.toString());
    }

    private static String listener(Object actual) {
        return Errors.invalidArgType("listener", "function", actual).getMessage();
    }

    // --- ERR_INVALID_ARG_TYPE: Received …

    @Test
    void invalidArgTypeReceivedNullAndUndefined() {
        // t(() => new EventEmitter().on('x', null))
        assertError("TypeError", "ERR_INVALID_ARG_TYPE", LISTENER + "Received null",
                Errors.invalidArgType("listener", "function", null));
        // t(() => new EventEmitter().on('x', undefined))
        assertEquals(LISTENER + "Received undefined", listener(Undefined.INSTANCE));
    }

    @Test
    void invalidArgTypeReceivedPrimitives() {
        // t(() => new EventEmitter().on('x', 'abc'))
        assertEquals(LISTENER + "Received type string ('abc')", listener("abc"));
        // new EventEmitter().on('x', 5) / on('x', -0) / on('x', 1.5) / on('x', NaN)
        assertEquals(LISTENER + "Received type number (5)", listener(5));
        assertEquals(LISTENER + "Received type number (-0)", listener(-0.0));
        assertEquals(LISTENER + "Received type number (1.5)", listener(1.5));
        assertEquals(LISTENER + "Received type number (NaN)", listener(Double.NaN));
        // path.join(1e21) → Received type number (1e+21)
        assertEquals(LISTENER + "Received type number (1e+21)", listener(1e21));
        // on('x', 10n) / on('x', true)
        assertEquals(LISTENER + "Received type bigint (10n)", listener(BigInteger.TEN));
        assertEquals(LISTENER + "Received type boolean (true)", listener(true));
        // on('x', "it's x") → Received type string ("it's x")
        assertEquals(LISTENER + "Received type string (\"it's x\")", listener("it's x"));
    }

    @Test
    void invalidArgTypeCutsStringsLongerThan28() {
        // Node cuts the string itself (not its inspection) to 25 characters and "...":
        // t(() => new EventEmitter().on('x', 'abcdefghijklmnopqrstuvwxyz0123'))
        assertEquals(LISTENER + "Received type string ('abcdefghijklmnopqrstuvwxy...')",
                listener("abcdefghijklmnopqrstuvwxyz0123"));
        // on('x', 'x'.repeat(28)) → kept whole; on('x', 'x'.repeat(29)) → 25 x and ...
        assertEquals(LISTENER + "Received type string ('" + "x".repeat(28) + "')", listener("x".repeat(28)));
        assertEquals(LISTENER + "Received type string ('" + "x".repeat(25) + "...')", listener("x".repeat(29)));
        // on('x', "it's" + 'y'.repeat(30)) → Received type string ("it'syyyyyyyyyyyyyyyyyyyyy...")
        assertEquals(LISTENER + "Received type string (\"it's" + "y".repeat(21) + "...\")",
                listener("it's" + "y".repeat(30)));
    }

    @Test
    void invalidArgTypeQuotesStringsWithoutInspect() {
        // Without a single quote the string is put in single quotes as is, controls and all:
        // on('x', 'a\nb\u0000') → Received type string ('a<LF>b<NUL>'); on('x', 'a\\b') → ('a\b')
        assertEquals(LISTENER + "Received type string ('a\nb\u0000')", listener("a\nb\u0000"));
        assertEquals(LISTENER + "Received type string ('a\\b')", listener("a\\b"));
        // on('x', '`x`${y}') → ('`x`${y}')
        assertEquals(LISTENER + "Received type string ('`x`${y}')", listener("`x`${y}"));
        // With one, it goes through JSON.stringify: on('x', `it's "x"`) → ("it's \"x\"")
        assertEquals(LISTENER + "Received type string (\"it's \\\"x\\\"\")", listener("it's \"x\""));
        // on('x', "a\nb'\u0000\u00a0\ud800") → ("a\nb'\u0000<NBSP>\ud800")
        assertEquals(LISTENER + "Received type string (\"a\\nb'\\u0000\u00a0\\ud800\")",
                listener("a\nb'\u0000\u00a0\ud800"));
    }

    @Test
    void invalidArgTypeNeverCutsBigints() {
        // on('x', 2n ** 100n) → Received type bigint (1267650600228229401496703205376n)
        assertEquals(LISTENER + "Received type bigint (1267650600228229401496703205376n)",
                listener(BigInteger.TWO.pow(100)));
        assertEquals(LISTENER + "Received type bigint (-1267650600228229401496703205376n)",
                listener(BigInteger.TWO.pow(100).negate()));
    }

    /** A named function: {@code function named() {}}. */
    static final class Named implements Runnable {
        @Override
        public void run() {
        }
    }

    /** A class that is not a function: {@code new (class Foo {})()}. */
    static final class Foo {
    }

    @Test
    void invalidArgTypeReceivedFunctions() {
        // t(() => path.join(function named() {})) → Received function named
        assertEquals(LISTENER + "Received function Named", listener(new Named()));
        // t(() => path.join(() => {})) → "Received function " (an arrow has no name)
        Runnable arrow = () -> { };
        assertEquals(LISTENER + "Received function ", listener(arrow));
        Function<Object, Object> identity = x -> x;
        assertEquals(LISTENER + "Received function ", listener(identity));
    }

    @Test
    void invalidArgTypeReceivedObjects() {
        // t(() => path.join({})) → Received an instance of Object (a Map stands for a plain object)
        assertEquals(LISTENER + "Received an instance of Object", listener(new HashMap<>()));
        assertEquals(LISTENER + "Received an instance of Object", listener(new Object()));
        // t(() => new EventEmitter().on('x', [1])) → Received an instance of Array
        assertEquals(LISTENER + "Received an instance of Array", listener(new ArrayList<>(List.of(1))));
        assertEquals(LISTENER + "Received an instance of Array", listener(new String[] {"a"}));
        // on('x', new Uint8Array(2)) → Received an instance of Uint8Array
        assertEquals(LISTENER + "Received an instance of Uint8Array", listener(new byte[2]));
        // on('x', new (class Foo {})()) → Received an instance of Foo
        assertEquals(LISTENER + "Received an instance of Foo", listener(new Foo()));
        // on('x', new Error('q')) / on('x', new TypeError('q'))
        assertEquals(LISTENER + "Received an instance of Error", listener(new IllegalStateException("q")));
        assertEquals(LISTENER + "Received an instance of TypeError",
                listener(new NodeError("TypeError", null, "q")));
    }

    // --- ERR_INVALID_ARG_TYPE: must be …

    @Test
    void invalidArgTypeWording() {
        // t(() => process.emitWarning(5))
        assertEquals("The \"warning\" argument must be of type string or an instance of Error. "
                + "Received type number (5)",
                Errors.invalidArgType("warning", List.of("string", "Error"), 5).getMessage());
        // t(() => process.hrtime(null))
        assertEquals("The \"time\" argument must be an instance of Array. Received null",
                Errors.invalidArgType("time", "Array", null).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['string', 'number'], 5)
        assertEquals("The \"x\" argument must be one of type string or number. Received type number (5)",
                Errors.invalidArgType("x", List.of("string", "number"), 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['string', 'number', 'boolean'], 5)
        assertEquals("The \"x\" argument must be one of type string, number, or boolean. Received type number (5)",
                Errors.invalidArgType("x", List.of("string", "number", "boolean"), 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['Buffer', 'ArrayBuffer', 'TypedArray'], 5)
        assertEquals("The \"x\" argument must be an instance of Buffer, ArrayBuffer, or TypedArray. "
                + "Received type number (5)",
                Errors.invalidArgType("x", List.of("Buffer", "ArrayBuffer", "TypedArray"), 5).getMessage());
        // 'object' joins the instances as Object: codes.ERR_INVALID_ARG_TYPE('x', ['object', 'Buffer'], 5)
        assertEquals("The \"x\" argument must be an instance of Buffer or Object. Received type number (5)",
                Errors.invalidArgType("x", List.of("object", "Buffer"), 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('options.x', 'string', 5)
        assertEquals("The \"options.x\" property must be of type string. Received type number (5)",
                Errors.invalidArgType("options.x", "string", 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['string', 'Buffer', 'a b'], 5)
        assertEquals("The \"x\" argument must be of type string or an instance of Buffer or a b. "
                + "Received type number (5)",
                Errors.invalidArgType("x", List.of("string", "Buffer", "a b"), 5).getMessage());
    }

    @Test
    void invalidArgTypeFirstArgumentAndOtherDescriptions() {
        // t(() => Buffer.from(5))
        assertEquals("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or "
                + "Array or an Array-like Object. Received type number (5)",
                Errors.invalidArgType("first argument",
                        List.of("string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"), 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['Array-like Object'], 5) / (['array-like thing'])
        assertEquals("The \"x\" argument must be an Array-like Object. Received type number (5)",
                Errors.invalidArgType("x", "Array-like Object", 5).getMessage());
        assertEquals("The \"x\" argument must be array-like thing. Received type number (5)",
                Errors.invalidArgType("x", "array-like thing", 5).getMessage());
        // codes.ERR_INVALID_ARG_TYPE('x', ['a b', 'c d'], 5) / (['a b', 'c d', 'e f'])
        assertEquals("The \"x\" argument must be one of a b or c d. Received type number (5)",
                Errors.invalidArgType("x", List.of("a b", "c d"), 5).getMessage());
        assertEquals("The \"x\" argument must be one of a b, c d, or e f. Received type number (5)",
                Errors.invalidArgType("x", List.of("a b", "c d", "e f"), 5).getMessage());
    }

    @Test
    void capitalisedObjectAndFunctionAreTypesNotInstances() {
        // Node's validateObject passes 'Object' and validateFunction 'Function' (lib/internal/validators.js).
        // t(() => stream.finished(new PassThrough(), 5, 5)) and codes.ERR_INVALID_ARG_TYPE('options', 'Object', 5)
        assertEquals("The \"options\" argument must be of type object. Received type number (5)",
                Errors.invalidArgType("options", "Object", 5).getMessage());
        // t(() => util.promisify(5)) → The "original" argument must be of type function. …
        assertEquals("The \"original\" argument must be of type function. Received type number (5)",
                Errors.invalidArgType("original", "Function", 5).getMessage());
    }

    @Test
    void receivedAndTypeOf() {
        assertEquals("Received null", Errors.received(null));
        assertEquals("Received undefined", Errors.received(Undefined.INSTANCE));
        assertEquals("object", Errors.typeOf(null));
        assertEquals("undefined", Errors.typeOf(Undefined.INSTANCE));
        assertEquals("string", Errors.typeOf("s"));
        assertEquals("string", Errors.typeOf('c'));
        assertEquals("number", Errors.typeOf(1));
        assertEquals("number", Errors.typeOf(1.5f));
        assertEquals("bigint", Errors.typeOf(BigInteger.ONE));
        assertEquals("boolean", Errors.typeOf(false));
        assertEquals("function", Errors.typeOf((Runnable) () -> { }));
        assertEquals("object", Errors.typeOf(List.of()));
    }

    // --- ERR_OUT_OF_RANGE

    @Test
    void outOfRangeFromPublicApis() {
        // t(() => Buffer.alloc(-1))
        assertError("RangeError", "ERR_OUT_OF_RANGE",
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1",
                Errors.outOfRange("size", ">= 0 && <= 4294967296", -1));
        // t(() => new EventEmitter().setMaxListeners(-1))
        assertEquals("The value of \"setMaxListeners\" is out of range. It must be >= 0. Received -1",
                Errors.outOfRange("setMaxListeners", ">= 0", -1).getMessage());
        // t(() => Buffer.alloc(4).readUInt8(7))
        assertEquals("The value of \"offset\" is out of range. It must be >= 0 and <= 3. Received 7",
                Errors.outOfRange("offset", ">= 0 and <= 3", 7).getMessage());
        // t(() => Buffer.alloc(4).readUInt8(1.5))
        assertEquals("The value of \"offset\" is out of range. It must be an integer. Received 1.5",
                Errors.outOfRange("offset", "an integer", 1.5).getMessage());
        // t(() => process.hrtime([1]))
        assertEquals("The value of \"time\" is out of range. It must be 2. Received 1",
                Errors.outOfRange("time", "2", 1).getMessage());
    }

    private static String received(Object value) {
        String msg = Errors.outOfRange("value", ">= 0 and <= 4294967295", value).getMessage();
        return msg.substring(msg.indexOf("Received ") + "Received ".length());
    }

    @Test
    void outOfRangeSeparatesIntegersAbove2To32() {
        // zlib.createGzip({level: 1_000_000}) → Received 1000000: no separators up to 2^32
        assertEquals("The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received 1000000",
                Errors.outOfRange("options.level", ">= -1 and <= 9", 1_000_000).getMessage());
        // Buffer.alloc(4).writeUInt32LE(4294967296) → Received 4294967296 (2^32 itself is not separated)
        assertEquals("4294967296", received(4294967296L));
        assertEquals("4294967296", received(4294967296.0));
        // writeUInt32LE(4294967297) → Received 4_294_967_297
        assertEquals("4_294_967_297", received(4294967297L));
        // writeUInt32LE(2**40) → Received 1_099_511_627_776; writeUInt32LE(-(2**40)) → -1_099_511_627_776
        assertEquals("1_099_511_627_776", received(1099511627776.0));
        assertEquals("-1_099_511_627_776", received(-1099511627776L));
        // writeUInt32LE(-1) → Received -1; writeUInt32LE(2**40 + 0.5) → Received 1099511627776.5
        assertEquals("-1", received(-1));
        assertEquals("1099511627776.5", received(1099511627776.5));
        // writeUInt32LE(-0.5) / (Infinity) / (NaN)
        assertEquals("-0.5", received(-0.5));
        assertEquals("Infinity", received(Double.POSITIVE_INFINITY));
        assertEquals("NaN", received(Double.NaN));
        // writeUInt32LE(1e21) → Received 1e_+21 (Node separates the digits of String(1e21))
        assertEquals("1e_+21", received(1e21));
        // codes.ERR_OUT_OF_RANGE('x', '>= 0', -1e21) → -1e_+21
        assertEquals("-1e_+21", received(-1e21));
        // codes.ERR_OUT_OF_RANGE('x', '>= 0', 123456789012345680000) → 123_456_789_012_345_680_000
        assertEquals("123_456_789_012_345_680_000", received(123456789012345680000.0));
        // codes.ERR_OUT_OF_RANGE('x', '>= 0', 2**63) → 9_223_372_036_854_776_000 (a long is a number:
        // Long.MAX_VALUE is the number 2**63)
        assertEquals("9_223_372_036_854_776_000", received(Long.MAX_VALUE));
        // codes.ERR_OUT_OF_RANGE('x', '>= 0', -0) → -0; ('x', '>= 0', '5') → '5'
        assertEquals("-0", received(-0.0));
        assertEquals("'5'", received("5"));
    }

    @Test
    void outOfRangeBigints() {
        // Buffer.alloc(8).writeBigUInt64LE(-1n) → "It must be >= 0n and < 2n ** 64n. Received -1n"
        assertEquals("The value of \"value\" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n",
                Errors.outOfRange("value", ">= 0n and < 2n ** 64n", BigInteger.valueOf(-1)).getMessage());
        // writeBigInt64LE(2n ** 64n) → Received 18_446_744_073_709_551_616n
        assertEquals("18_446_744_073_709_551_616n", received(BigInteger.TWO.pow(64)));
        // codes.ERR_OUT_OF_RANGE('x', '>= 0', 2n ** 32n) → 4294967296n; 2n ** 32n + 1n → 4_294_967_297n
        assertEquals("4294967296n", received(BigInteger.TWO.pow(32)));
        assertEquals("4_294_967_297n", received(BigInteger.TWO.pow(32).add(BigInteger.ONE)));
        // -(2n ** 32n) - 1n → -4_294_967_297n; writeBigUInt64LE(-(2n ** 40n)) → -1_099_511_627_776n
        assertEquals("-4_294_967_297n", received(BigInteger.TWO.pow(32).add(BigInteger.ONE).negate()));
        assertEquals("-1_099_511_627_776n", received(BigInteger.TWO.pow(40).negate()));
    }

    // --- ERR_INVALID_ARG_VALUE

    @Test
    void invalidArgValue() {
        // t(() => Buffer.alloc(5, 'zz', 'hex'))
        assertError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received 'zz'",
                Errors.invalidArgValue("value", "zz"));
        // t(() => fs.readFileSync('a\0b'))
        assertEquals("The argument 'path' must be a string, Uint8Array, or URL without null bytes. "
                + "Received 'a\\x00b'",
                Errors.invalidArgValue("path", "a\u0000b",
                        "must be a string, Uint8Array, or URL without null bytes").getMessage());
        // codes.ERR_INVALID_ARG_VALUE('a.b', 5) / ('a', null, 'must be x')
        assertEquals("The property 'a.b' is invalid. Received 5", Errors.invalidArgValue("a.b", 5).getMessage());
        assertEquals("The argument 'a' must be x. Received null",
                Errors.invalidArgValue("a", null, "must be x").getMessage());
        // codes.ERR_INVALID_ARG_VALUE('a', [1, 'b'])
        assertEquals("The argument 'a' is invalid. Received [ 1, 'b' ]",
                Errors.invalidArgValue("a", List.of(1, "b")).getMessage());
    }

    @Test
    void invalidArgValueTruncatesAfter128() {
        // codes.ERR_INVALID_ARG_VALUE('a', 'y'.repeat(126)): 128 inspected characters, kept
        assertEquals("The argument 'a' is invalid. Received '" + "y".repeat(126) + "'",
                Errors.invalidArgValue("a", "y".repeat(126)).getMessage());
        // 'y'.repeat(127): 129 → the first 128 and "..."
        assertEquals("The argument 'a' is invalid. Received '" + "y".repeat(127) + "...",
                Errors.invalidArgValue("a", "y".repeat(127)).getMessage());
        // t(() => Buffer.alloc(5, 'z'.repeat(200), 'hex'))
        assertEquals("The argument 'value' is invalid. Received '" + "z".repeat(127) + "...",
                Errors.invalidArgValue("value", "z".repeat(200)).getMessage());
    }

    // --- ERR_UNHANDLED_ERROR, ERR_UNKNOWN_ENCODING, ERR_MISSING_ARGS

    @Test
    void unhandledError() {
        // t(() => new EventEmitter().emit('error', 'boom')); the error's context is 'boom'
        NodeError e = Errors.unhandledError("boom");
        assertError("Error", "ERR_UNHANDLED_ERROR", "Unhandled error. ('boom')", e);
        assertSame("boom", e.prop("context"));
        // emit('error') / emit('error', null) / emit('error', 5)
        assertEquals("Unhandled error. (undefined)", Errors.unhandledError(Undefined.INSTANCE).getMessage());
        assertEquals("Unhandled error. (null)", Errors.unhandledError(null).getMessage());
        assertEquals("Unhandled error. (5)", Errors.unhandledError(5).getMessage());
        // emit('error', {a: 1}) / emit('error', new Uint8Array([1, 255]))
        assertEquals("Unhandled error. ({ a: 1 })", Errors.unhandledError(Map.of("a", 1)).getMessage());
        assertEquals("Unhandled error. (Uint8Array(2) [ 1, 255 ])",
                Errors.unhandledError(new byte[] {1, (byte) 255}).getMessage());
    }

    @Test
    void unknownEncoding() {
        // t(() => Buffer.from('a', 'nope'))
        assertError("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: nope", Errors.unknownEncoding("nope"));
        // codes.ERR_UNKNOWN_ENCODING(5)
        assertEquals("Unknown encoding: 5", Errors.unknownEncoding(5).getMessage());
    }

    @Test
    void missingArgs() {
        // t(() => new URL())
        assertError("TypeError", "ERR_MISSING_ARGS", "The \"url\" argument must be specified",
                Errors.missingArgs("url"));
        // t(() => new URLSearchParams().append())
        assertEquals("The \"name\" and \"value\" arguments must be specified",
                Errors.missingArgs("name", "value").getMessage());
        // t(() => dns.lookupService())
        assertEquals("The \"address\", \"port\", and \"callback\" arguments must be specified",
                Errors.missingArgs("address", "port", "callback").getMessage());
        // codes.ERR_MISSING_ARGS('a', 'b', 'c', 'd')
        assertEquals("The \"a\", \"b\", \"c\", and \"d\" arguments must be specified",
                Errors.missingArgs("a", "b", "c", "d").getMessage());
    }
}
