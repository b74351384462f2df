package dev.nodeshim.childprocess;

import dev.nodeshim.errors.NodeError;
import java.util.List;

/**
 * Node's {@code serialization: 'advanced'} on the wire, as node 20 writes it (observed on a raw
 * descriptor): each message is a 4-byte big-endian length and then that many bytes of
 * {@code v8.serialize(message)} ({@link V8Serializer}), except that each host object (a Buffer or
 * typed array) starts with an extra 0 (a frame without it fails Node's internal assertion). A frame
 * node cannot read is thrown as an uncaught {@code Error: Unable to deserialize cloned data.} and the
 * channel goes on with the next frame; bytes after the value inside a frame are ignored — both as here.
 */
final class AdvancedFrames implements IpcSerialization {
    @Override
    public String name() {
        return "advanced";
    }

    @Override
    public byte[] encode(Object message) {
        return V8Serializer.serializeFrame(message);
    }

    @Override
    public Reader reader() {
        return new FrameReader();
    }

    /** Reads the 4-byte length, then fills one array of exactly that size. */
    private static final class FrameReader implements Reader {
        private final byte[] header = new byte[4];
        private int headerLen;
        private byte[] body;
        private int bodyLen;
        private boolean lost;

        @Override
        public void read(byte[] data, int off, int len, List<Object> out) {
            try {
                frames(data, off, len, out);
            } catch (IllegalStateException e) {
                // a length of 2 GiB or more: no Java array holds it, and the frames after it cannot be found
                lost = true;
                out.add(new Unreadable(new NodeError("Error", null, "Unable to deserialize cloned data.")));
            }
        }

        private void frames(byte[] data, int off, int len, List<Object> out) {
            if (lost) {
                return;
            }
            int end = off + len;
            int i = off;
            while (i < end) {
                if (body == null) {
                    if (headerLen == 0 && end - i >= 4) {
                        int n = length(data, i);
                        if (end - i - 4 >= n) {
                            out.add(parse(data, i + 4, n)); // a whole frame in this read: no copy
                            i += 4 + n;
                            continue;
                        }
                    }
                    while (headerLen < 4 && i < end) {
                        header[headerLen++] = data[i++];
                    }
                    if (headerLen < 4) {
                        return;
                    }
                    body = new byte[length(header, 0)];
                    bodyLen = 0;
                    headerLen = 0;
                }
                int take = Math.min(body.length - bodyLen, end - i);
                System.arraycopy(data, i, body, bodyLen, take);
                bodyLen += take;
                i += take;
                if (bodyLen == body.length) {
                    out.add(parse(body, 0, body.length));
                    body = null;
                }
            }
        }

        private static int length(byte[] b, int at) {
            int n = (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
            if (n < 0) {
                throw new IllegalStateException("IPC frame of " + Integer.toUnsignedString(n) + " bytes");
            }
            return n;
        }

        private static Object parse(byte[] b, int off, int len) {
            try {
                return V8Deserializer.deserializeMessage(b, off, len);
            } catch (NodeError e) {
                return new Unreadable(e);
            }
        }
    }
}
