package dev.nodeshim.cluster;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * {@code inspectPort} for JVM workers: Node gives each worker whose {@code execArgv} has an
 * {@code --inspect} flag an inspector port of its own ({@code --inspect-port=<port>} added to that
 * {@code execArgv}), so that two workers do not both try the same one. The JVM's debugger is the JDWP
 * agent; an option that starts one as a server on a socket —
 * {@code -agentlib:jdwp=transport=dt_socket,server=y,…} or {@code -Xrunjdwp:…} with the same
 * options — gets its {@code address} rewritten: the port replaced, a host ({@code *},
 * {@code 127.0.0.1}) kept; an agent without an {@code address} gets one. An agent that connects out
 * ({@code server=n}, the default: the debugger listens) is left alone, as is anything else.
 *
 * <p>The port, as node 20 picks it (cluster-inspect-port.js): {@code inspectPort} when it is a number;
 * its function's result when it is a function (called once per such fork, and only then); else the
 * primary's debug port plus a count of the forks that took this default, wrapped into 1024–65535
 * (65536 is 1024). A port outside 0–65535 fails the fork with {@code RangeError
 * [ERR_SOCKET_BAD_PORT]} and does not count; a worker without such an agent is neither checked nor
 * counted.
 */
final class JdwpPorts {
    /** JDWP's conventional port: the primary's debug port when it runs no JDWP server (Node: 9229). */
    static final int DEFAULT_DEBUG_PORT = 5005;
    private static final String AGENTLIB = "-agentlib:jdwp=";
    private static final String XRUN = "-Xrunjdwp:";

    private JdwpPorts() {}

    /** Whether {@code arg} starts a JDWP server on a socket (Node: an {@code --inspect} flag). */
    static boolean isDebugServer(String arg) {
        String options = options(arg);
        return options != null && has(options, "server=y") && has(options, "transport=dt_socket");
    }

    /** Whether some option of {@code execArgv} starts a JDWP server. */
    static boolean debugs(List<String> execArgv) {
        return execArgv.stream().anyMatch(JdwpPorts::isDebugServer);
    }

    /** {@code execArgv} with every JDWP server's port replaced by {@code port}. */
    static List<String> withPort(List<String> execArgv, int port) {
        List<String> out = new ArrayList<>(execArgv.size());
        for (String arg : execArgv) {
            out.add(isDebugServer(arg) ? rewrite(arg, port) : arg);
        }
        return out;
    }

    /**
     * The port {@code inspectPort} gives ({@code Integer} or {@code IntSupplier}), checked as node 20's
     * fork checks it; null when it is unset (then the caller takes the default).
     */
    static Integer given(Object inspectPort) {
        if (inspectPort == null) {
            return null;
        }
        int port = inspectPort instanceof IntSupplier f ? f.getAsInt() : (Integer) inspectPort;
        if (port < 0 || port > 65535) {
            throw new NodeError("RangeError", "ERR_SOCKET_BAD_PORT",
                    "Port should be >= 0 and < 65536. " + Errors.received(port) + ".");
        }
        return port;
    }

    /** The default port of the {@code n}th worker (from 1) that took it: Node's wrap into 1024–65535. */
    static int nth(int debugPort, int n) {
        int port = debugPort + n;
        return port > 65535 ? 1024 + (port - 1024) % (65536 - 1024) : port;
    }

    /**
     * The primary's own debug port (Node's {@code process.debugPort}): the port of a JDWP server this
     * JVM was started with, when it names one, else {@link #DEFAULT_DEBUG_PORT}. Reads the JVM's input
     * arguments (command line and {@code JAVA_TOOL_OPTIONS}); call it only when a worker needs it.
     */
    static int primaryDebugPort() {
        List<String> jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String arg : jvm) {
            if (isDebugServer(arg)) {
                int port = port(options(arg));
                if (port > 0) {
                    return port;
                }
            }
        }
        return DEFAULT_DEBUG_PORT;
    }

    private static String options(String arg) {
        if (arg.startsWith(AGENTLIB)) {
            return arg.substring(AGENTLIB.length());
        }
        return arg.startsWith(XRUN) ? arg.substring(XRUN.length()) : null;
    }

    private static boolean has(String options, String option) {
        return List.of(options.split(",")).contains(option);
    }

    /** The port of {@code address=[host:]port}, or -1 when there is none (or it is no number). */
    private static int port(String options) {
        for (String o : options.split(",")) {
            if (o.startsWith("address=")) {
                String value = o.substring("address=".length());
                try {
                    return Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String rewrite(String arg, int port) {
        String prefix = arg.substring(0, arg.length() - options(arg).length());
        List<String> out = new ArrayList<>();
        boolean addressed = false;
        for (String o : options(arg).split(",")) {
            if (o.startsWith("address=")) {
                String value = o.substring("address=".length());
                o = "address=" + value.substring(0, value.lastIndexOf(':') + 1) + port;
                addressed = true;
            }
            out.add(o);
        }
        if (!addressed) {
            out.add("address=" + port);
        }
        return prefix + String.join(",", out);
    }
}
