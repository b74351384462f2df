package dev.nodeshim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import dev.nodeshim.events.EventEmitter;
import dev.nodeshim.events.Listener;
import dev.nodeshim.events.OnceWrapper;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.loop.Timers;
import dev.nodeshim.process.NodeProcess;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Java half of the {@code events} probes: {@code events.script} (shared/CONFORMANCE.md; the
 * conventions it leaves open are in conformance-tests/PROBES.md).
 *
 * <p>A script drives one {@link EventEmitter}. Each listener name is one {@link Listener} object for
 * the whole script (identity is what {@code off} compares), made with {@link Listener#ofArgs} so it
 * sees exactly the arguments of the emit. Names are given back from objects the emitter hands out: a
 * {@link OnceWrapper} is {@code "once:" + name}, as the generator names Node's once wrapper, so where
 * Node gives a listener the wrapper rather than the original, the trace shows whether nodeshim does too.
 *
 * <p>The script runs inside {@link EventLoop#run} and warnings ({@code process.on('warning')}) are
 * collected after one turn of the loop ({@code setImmediate}), as the generator does in Node.
 */
public final class EventsProbes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventsProbes() {
    }

    public static void register(ProbeRegistry r) {
        r.register("events.script", EventsProbes::script);
    }

    /** {@code events.script}: {@code {"trace": [...], "warnings": [[name, message]...]}}. */
    static Object script(JsonNode in) {
        Script s = new Script(in);
        ArrayNode warnings = NODES.arrayNode();
        RuntimeException[] failure = new RuntimeException[1];
        EventLoop.run(() -> {
            Listener onWarning = Listener.ofArgs(args -> {
                Object w = args.length > 0 ? args[0] : null;
                ArrayNode pair = warnings.addArray();
                if (w instanceof Throwable t) {
                    pair.add(Outcome.errorName(t));
                    pair.add(Objects.toString(t.getMessage(), ""));
                } else {
                    pair.add(String.valueOf(w));
                }
            });
            NodeProcess.process.on("warning", onWarning);
            try {
                s.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
            Timers.setImmediate(() -> NodeProcess.process.off("warning", onWarning));
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        ObjectNode out = NODES.objectNode();
        out.set("trace", s.trace);
        out.set("warnings", warnings);
        return out;
    }

    /** One run of one script; mirrors runScript() in generator/events.js action for action. */
    private static final class Script {
        final JsonNode listenersSpec;
        final JsonNode steps;
        final boolean meta;
        final EventEmitter e = new EventEmitter();
        final ArrayNode trace = NODES.arrayNode();
        final Map<String, Listener> fns = new HashMap<>();
        final Map<Object, String> names = new IdentityHashMap<>();

        Script(JsonNode in) {
            listenersSpec = in.path("listeners");
            steps = in.get("steps");
            meta = in.path("meta").asBoolean(false);
            if (steps == null || !steps.isArray()) {
                throw new Inexpressible("events.script needs \"steps\" (an array)");
            }
        }

        void run() {
            if (meta) {
                Listener m1 = Listener.ofArgs(a -> trace.add(metaRecord("newListener", a)));
                Listener m2 = Listener.ofArgs(a -> trace.add(metaRecord("removeListener", a)));
                names.put(m1, "$meta");
                names.put(m2, "$meta");
                e.on("newListener", m1);
                e.on("removeListener", m2);
            }
            runActions(steps, false);
        }

        ArrayNode metaRecord(String kind, Object[] a) {
            ArrayNode rec = NODES.arrayNode();
            rec.add(kind);
            rec.add(enc(a.length > 0 ? a[0] : Undefined.INSTANCE)); // a missing JS parameter is undefined
            rec.add(nameOf(a.length > 1 ? a[1] : null));
            return rec;
        }

        String nameOf(Object f) {
            String n = names.get(f);
            if (n != null) {
                return n;
            }
            if (f instanceof OnceWrapper w && names.containsKey(w.listener())) {
                return "once:" + names.get(w.listener());
            }
            return "?";
        }

        JsonNode enc(Object v) {
            return Values.encode(v, x -> {
                if (x instanceof Listener || x instanceof OnceWrapper) {
                    ObjectNode fn = NODES.objectNode();
                    fn.put("$fn", nameOf(x));
                    return fn;
                }
                return null;
            });
        }

        Listener fn(String name) {
            return fns.computeIfAbsent(name, n -> {
                Listener l = Listener.ofArgs(args -> {
                    ArrayNode rec = trace.addArray();
                    rec.add("call");
                    rec.add(n);
                    for (Object a : args) {
                        rec.add(enc(a));
                    }
                    JsonNode acts = listenersSpec.get(n);
                    if (acts != null && acts.isArray()) {
                        runActions(acts, true);
                    }
                });
                names.put(l, n);
                return l;
            });
        }

        void runActions(JsonNode list, boolean inListener) {
            for (JsonNode a : list) {
                if (inListener && "throw".equals(a.path(0).asText())) {
                    throw NodeError.of(a.path(1).asText());
                }
                try {
                    act(a);
                } catch (Inexpressible x) {
                    throw x;
                } catch (NodeError err) {
                    threw(err.name(), err.code(), err.getMessage());
                } catch (RuntimeException | Error err) {
                    // Not a JS error: record it so the case fails and shows what escaped.
                    threw(err.getClass().getName(), null, String.valueOf(err.getMessage()));
                }
            }
        }

        void threw(String name, String code, String message) {
            ArrayNode rec = trace.addArray();
            rec.add("threw");
            rec.add(name);
            rec.add(code);
            rec.add(message);
        }

        static String str(JsonNode a, int i) {
            JsonNode n = a.get(i);
            if (n == null || !n.isTextual()) {
                throw new Inexpressible("action " + a + ": element " + i + " must be a string");
            }
            return n.textValue();
        }

        void act(JsonNode a) {
            String op = str(a, 0);
            switch (op) {
                case "on" -> e.on(str(a, 1), fn(str(a, 2)));
                case "once" -> e.once(str(a, 1), fn(str(a, 2)));
                case "prepend" -> e.prependListener(str(a, 1), fn(str(a, 2)));
                case "prependOnce" -> e.prependOnceListener(str(a, 1), fn(str(a, 2)));
                case "off" -> e.removeListener(str(a, 1), fn(str(a, 2)));
                case "removeAll" -> {
                    if (a.size() > 1) {
                        e.removeAllListeners(str(a, 1));
                    } else {
                        e.removeAllListeners();
                    }
                }
                case "emit" -> {
                    String ev = str(a, 1);
                    Object[] args = new Object[a.size() - 2];
                    for (int i = 2; i < a.size(); i++) {
                        args[i - 2] = Values.decode(a.get(i));
                    }
                    boolean r = e.emit(ev, args);
                    ArrayNode rec = trace.addArray();
                    rec.add("emitted");
                    rec.add(ev);
                    rec.add(r);
                }
                case "count" -> {
                    String ev = str(a, 1);
                    int n = e.listenerCount(ev);
                    ArrayNode rec = trace.addArray();
                    rec.add("count");
                    rec.add(ev);
                    rec.add(n);
                }
                case "names" -> {
                    List<Object> n = e.eventNames();
                    ArrayNode rec = trace.addArray();
                    rec.add("names");
                    rec.add(enc(n));
                }
                case "listeners", "raw" -> {
                    String ev = str(a, 1);
                    List<Object> ls = op.equals("raw") ? e.rawListeners(ev) : e.listeners(ev);
                    ArrayNode rec = trace.addArray();
                    rec.add(op);
                    rec.add(ev);
                    ArrayNode ns = rec.addArray();
                    for (Object l : ls) {
                        ns.add(nameOf(l));
                    }
                }
                case "setMax" -> {
                    Object n = Values.decode(a.get(1));
                    if (!(n instanceof Number num)) {
                        throw new Inexpressible("setMaxListeners takes a double in Java; got " + a.get(1));
                    }
                    e.setMaxListeners(num.doubleValue());
                }
                case "getMax" -> {
                    ArrayNode rec = trace.addArray();
                    rec.add("max");
                    rec.add(Values.number(e.getMaxListeners()));
                }
                case "throw" -> throw NodeError.of(str(a, 1));
                default -> throw new Inexpressible("unknown events.script action " + a);
            }
        }
    }
}
