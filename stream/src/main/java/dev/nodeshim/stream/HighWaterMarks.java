package dev.nodeshim.stream;

import dev.nodeshim.errors.Errors;

/** Node 20's process-wide default high water marks: 16 KiB for bytes, 16 for object mode. */
final class HighWaterMarks {
    private static volatile int bytes = 16 * 1024;
    private static volatile int objects = 16;

    private HighWaterMarks() {
    }

    static int get(boolean objectMode) {
        return objectMode ? objects : bytes;
    }

    static void set(boolean objectMode, int value) {
        if (value < 0) {
            throw Errors.outOfRange("value", ">= 0 && <= 9007199254740991", value);
        }
        if (objectMode) {
            objects = value;
        } else {
            bytes = value;
        }
    }
}
