package dev.nodeshim.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The internal messages between primary and workers, on the fork IPC channel. Each is an object whose
 * {@code cmd} is {@value #CMD}: the childprocess module delivers any message whose {@code cmd} starts
 * with {@code NODE_} as {@code 'internalMessage'} (Node's documented reservation), so no user
 * {@code 'message'} listener ever sees them, on either side. {@code act} says what it is:
 * <pre>
 * worker → primary   online                                   the worker runs
 *                    queryServer {seq, address, port[, privatePort][, adopts]}   listen() asks for the
 *                                                              port (adopts: its server is an AdoptingServer)
 *                    queryServer {seq, pipe, privatePath}    listen(path) on a Unix socket: the primary
 *                                                              binds pipe and relays to privatePath
 *                    queryServer {seq, udp, address, port}   a shared UDP bind (udp: udp4/udp6): which
 *                                                              port to bind with SO_REUSEPORT
 *                    listening {seq, address, port, requested[, udp]}  (SCHED_NONE, UDP) bound the
 *                                                              shared port
 *                    statusReply {seq, rss, heapTotal, heapUsed}   its process.memoryUsage()
 *                    exitedAfterDisconnect                    the worker's disconnect() began: stop
 *                                                              routing to it, answer drained
 * primary → worker   queryReply {seq, port | error[, pipe]}   the port to bind (SCHED_NONE) or the
 *                                                              public port it now routes (SCHED_RR);
 *                                                              pipe: the Unix socket whose bind failed
 *                    status {seq}                             asks for statusReply
 *                    disconnect                               the primary's worker.disconnect()
 *                    drained                                  every connection forwarded to the worker
 *                                                              has ended (descriptors: every link to it
 *                                                              is ended): it may close its servers
 *                    link {seq, path[, listening, address, requested]}   an adopting server's port passes
 *                                                              descriptors: connect to the Unix socket
 *                                                              at path (the primary knows the worker by
 *                                                              its pid); SCHED_RR: connections come on
 *                                                              it, then queryReply; listening (SCHED_NONE):
 *                                                              the one descriptor is the shared listening
 *                                                              socket, then the worker sends listening
 * </pre>
 */
final class Protocol {
    static final String CMD = "NODE_NODESHIM_CLUSTER";

    private Protocol() {}

    static Map<String, Object> message(String act) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cmd", CMD);
        m.put("act", act);
        return m;
    }

    /** The {@code act} of one of ours, or null for anything else. */
    static String act(Object m) {
        return m instanceof Map<?, ?> map && CMD.equals(map.get("cmd")) && map.get("act") instanceof String a ? a : null;
    }

    static int intOf(Object m, String key) {
        return ((Number) ((Map<?, ?>) m).get(key)).intValue();
    }

    static String stringOf(Object m, String key) {
        Object v = ((Map<?, ?>) m).get(key);
        return v instanceof String s ? s : null;
    }
}
