package dev.nodeshim.cluster;

import dev.nodeshim.errors.NodeError;
import java.io.IOException;

/**
 * A failed bind as a cluster worker's server reports it in node 20 (checked for both policies):
 * {@code Error: bind EADDRINUSE 127.0.0.1:45779} with {@code code}, {@code errno} (-98),
 * {@code syscall} {@code bind}, {@code address} and {@code port}.
 */
final class BindErrors {
    private BindErrors() {}

    /** The libuv code for the JDK's message of a failed bind (Linux wording). */
    static String code(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Address already in use")) {
            return "EADDRINUSE";
        }
        if (m.contains("Permission denied")) {
            return "EACCES";
        }
        if (m.contains("Cannot assign requested address")) {
            return "EADDRNOTAVAIL";
        }
        if (m.contains("No such file or directory")) {
            return "EACCES"; // a Unix socket in a missing directory: libuv reports ENOENT as EACCES (node 20)
        }
        return "EINVAL";
    }

    /** The error a worker's listen fails with. */
    static NodeError error(String code, String host, int port) {
        return error(code, host + ":" + port, host, port);
    }

    /** The error a worker's listen on the Unix socket {@code path} fails with (cluster-pipe.js: port -1). */
    static NodeError pipeError(String code, String path) {
        return error(code, path, path, -1);
    }

    private static NodeError error(String code, String where, String address, int port) {
        int errno = switch (code) {
            case "EADDRINUSE" -> -98;
            case "EACCES" -> -13;
            case "EADDRNOTAVAIL" -> -99;
            default -> -22;
        };
        return new NodeError("Error", code, "bind " + code + " " + where)
                .withProp("errno", errno).withProp("syscall", "bind").withProp("address", address).withProp("port", port);
    }
}
