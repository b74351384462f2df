package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;
import java.util.Arrays;
import java.util.List;

/**
 * Node's default IPC serialization on the wire: each message is {@code JSON.stringify(message)} and a
 * newline, in UTF-8 ({@link JsonMessages}); received bytes are cut at newlines and each line parsed.
 */
final class JsonLines implements IpcSerialization {
    private static final int TAIL_SIZE = 64 * 1024;

    @Override
    public String name() {
        return "json";
    }

    @Override
    public byte[] encode(Object message) {
        return JsonMessages.encode(message);
    }

    @Override
    public Reader reader() {
        return new LineReader();
    }

    /** Keeps an incomplete last line between reads. */
    private static final class LineReader implements Reader {
        private byte[] tail = new byte[TAIL_SIZE];
        private int tailLen;

        @Override
        public void read(byte[] data, int off, int len, List<Object> out) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (data[i] == '\n') {
                    if (tailLen == 0) {
                        out.add(parse(data, start, i - start));
                    } else {
                        tail = append(tail, tailLen, data, start, i - start);
                        out.add(parse(tail, 0, tailLen + i - start));
                        tailLen = 0;
                        if (tail.length > TAIL_SIZE) {
                            tail = new byte[TAIL_SIZE]; // let a multi-MiB line go
                        }
                    }
                    start = i + 1;
                }
            }
            if (start < end) {
                tail = append(tail, tailLen, data, start, end - start);
                tailLen += end - start;
            }
        }

        private static Object parse(byte[] b, int off, int len) {
            try {
                return JsonMessages.decode(b, off, len);
            } catch (NodeError e) {
                return new Unreadable(e); // JSON.parse failing in Node's channel code: an uncaught SyntaxError
            }
        }

        private static byte[] append(byte[] to, int len, byte[] from, int off, int n) {
            if (len + n > to.length) {
                to = Arrays.copyOf(to, Math.max(len + n, to.length * 2));
            }
            System.arraycopy(from, off, to, len, n);
            return to;
        }
    }
}
