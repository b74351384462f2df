package dev.nodeshim.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code address} of a {@code 'listening'} event: Node's object {@code {addressType, address,
 * port}}. {@code address} is the host the worker asked for, null when it gave none (then every
 * interface is bound, as in Node); {@code addressType} is 4 or 6.
 */
public record ListeningAddress(int addressType, String address, int port) {
    /** As Node's object, in its key order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addressType", addressType);
        m.put("address", address);
        m.put("port", port);
        return m;
    }
}
