package dev.nodeshim.childprocess;

import java.util.List;

/**
 * The tags and tables of V8's value serialization format (version 15, node 20), as observed with
 * {@code v8.serialize}: one byte names what follows.
 */
final class V8Wire {
    private V8Wire() {}

    static final int VERSION = 15;

    static final byte VERSION_TAG = (byte) 0xFF;
    static final byte PADDING = 0x00;
    static final byte VERIFY_OBJECT_COUNT = '?';
    static final byte THE_HOLE = '-';
    static final byte UNDEFINED = '_';
    static final byte NULL = '0';
    static final byte TRUE = 'T';
    static final byte FALSE = 'F';
    static final byte INT32 = 'I';
    static final byte UINT32 = 'U';
    static final byte DOUBLE = 'N';
    static final byte BIGINT = 'Z';
    static final byte UTF8_STRING = 'S';
    static final byte ONE_BYTE_STRING = '"';
    static final byte TWO_BYTE_STRING = 'c';
    static final byte OBJECT_REFERENCE = '^';
    static final byte BEGIN_OBJECT = 'o';
    static final byte END_OBJECT = '{';
    static final byte BEGIN_SPARSE_ARRAY = 'a';
    static final byte END_SPARSE_ARRAY = '@';
    static final byte BEGIN_DENSE_ARRAY = 'A';
    static final byte END_DENSE_ARRAY = '$';
    static final byte DATE = 'D';
    static final byte TRUE_OBJECT = 'y';
    static final byte FALSE_OBJECT = 'x';
    static final byte NUMBER_OBJECT = 'n';
    static final byte BIGINT_OBJECT = 'z';
    static final byte STRING_OBJECT = 's';
    static final byte REGEXP = 'R';
    static final byte BEGIN_MAP = ';';
    static final byte END_MAP = ':';
    static final byte BEGIN_SET = '\'';
    static final byte END_SET = ',';
    static final byte ARRAY_BUFFER = 'B';
    static final byte RESIZABLE_ARRAY_BUFFER = '~';
    static final byte ARRAY_BUFFER_VIEW = 'V';
    static final byte HOST_OBJECT = '\\';
    static final byte ERROR = 'r';

    // Error sub-tags: the prototype, then message, cause, stack, end.
    static final byte EVAL_ERROR = 'E';
    static final byte RANGE_ERROR = 'R';
    static final byte REFERENCE_ERROR = 'F';
    static final byte SYNTAX_ERROR = 'S';
    static final byte TYPE_ERROR = 'T';
    static final byte URI_ERROR = 'U';
    static final byte ERROR_MESSAGE = 'm';
    static final byte ERROR_CAUSE = 'c';
    static final byte ERROR_STACK = 's';
    static final byte ERROR_END = '.';

    /**
     * The view types of Node's host objects, by the index Node writes (observed: {@code Int8Array} 0 …
     * {@code DataView} 9, {@code Buffer} 10, {@code BigInt64Array} 11, {@code BigUint64Array} 12).
     */
    static final List<String> VIEW_TYPES = List.of("Int8Array", "Uint8Array", "Uint8ClampedArray",
            "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
            "DataView", "Buffer", "BigInt64Array", "BigUint64Array");

    /** Bytes per element of {@link #VIEW_TYPES}' entries (DataView and Buffer: 1). */
    static int elementSize(int type) {
        return switch (type) {
            case 3, 4 -> 2;
            case 5, 6, 7 -> 4;
            case 8, 11, 12 -> 8;
            default -> 1;
        };
    }

    // RegExp flag bits, and the order in which JavaScript's `flags` getter lists them.
    static final String FLAG_ORDER = "dgimsuvy";

    static int flagBit(char flag) {
        return switch (flag) {
            case 'g' -> 1;
            case 'i' -> 2;
            case 'm' -> 4;
            case 'y' -> 8;
            case 'u' -> 16;
            case 's' -> 32;
            case 'd' -> 128;
            case 'v' -> 256;
            default -> 0;
        };
    }
}
