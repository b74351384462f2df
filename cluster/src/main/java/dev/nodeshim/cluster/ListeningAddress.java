package dev.nodeshim.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code address} of a {@code 'listening'} event: Node's object {@code {addressType, address,
 * port}}. For TCP, {@code address} is the host the worker asked for, null when it gave none (then every
 * interface is bound, as in Node), and {@code addressType} is 4 or 6; for a Unix socket
 * ({@link Cluster#listen(UnixSocketServer, java.nio.file.Path)}) {@code addressType} and {@code port}
 * are -1 and {@code address} is the path. For UDP ({@link Cluster#bind}) {@code udpType} is Node's
 * {@code addressType}, {@code "udp4"} or {@code "udp6"} ({@code addressType} is then 4 or 6 as well),
 * and {@code address} the bound host ({@code 0.0.0.0} when none was given).
 */
public record ListeningAddress(int addressType, String address, int port, String udpType) {
    /** A TCP or Unix socket address. */
    public ListeningAddress(int addressType, String address, int port) {
        this(addressType, address, port, null);
    }

    /** As Node's object, in its key order (UDP: {@code addressType} is the udp type, and {@code fd} is -1, as node 20's). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addressType", udpType != null ? udpType : addressType);
        m.put("address", address);
        m.put("port", port);
        if (udpType != null) {
            m.put("fd", -1);
        }
        return m;
    }
}
