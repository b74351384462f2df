package dev.nodeshim.events;

import dev.nodeshim.errors.Errors;
import dev.nodeshim.errors.Inspect;
import dev.nodeshim.errors.NodeError;
import dev.nodeshim.errors.Undefined;
import dev.nodeshim.loop.EventLoop;
import dev.nodeshim.process.NodeProcess;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Node's {@code EventEmitter}, with Node 20's semantics to the letter.
 *
 * <pre>{@code
 * EventEmitter e = new EventEmitter();
 * e.on("greet", (String who) -> System.out.println("hello " + who));
 * e.once("greet", () -> System.out.println("first time only"));
 * e.emit("greet", "world");     // true: there were listeners
 * }</pre>
 *
 * <h2>Rules kept from Node</h2>
 * <ul>
 * <li>Listeners run synchronously, in registration order, on a snapshot of the list taken when
 *     {@code emit} starts: a listener added during an emit is not called by it, a listener removed
 *     during an emit still is.</li>
 * <li>{@code once} removes its wrapper <em>before</em> calling the listener.</li>
 * <li>{@code 'newListener'} is emitted before a listener is added (with the original listener, also
 *     for {@code once}); {@code 'removeListener'} after one is removed, also for every listener
 *     {@code removeAllListeners} drops (last added first). Like Node, the array path passes exactly
 *     what was removed, which for {@code removeAllListeners} is the raw {@link OnceWrapper}.</li>
 * <li>{@code emit("error", x)} with no {@code 'error'} listener throws {@code x} when it is a
 *     {@link Throwable} (checked ones too, undeclared, as JavaScript throws), otherwise a
 *     {@link NodeError} {@code ERR_UNHANDLED_ERROR}: {@code Unhandled error. ('boom')}.
 *     {@link #errorMonitor} listeners see the error first.</li>
 * <li>Adding a listener beyond {@link #getMaxListeners()} (default
 *     {@link #defaultMaxListeners()}, 10; 0 means unlimited) emits one
 *     {@code MaxListenersExceededWarning} through {@code process.emitWarning}, once per event
 *     until the event drops back to a single listener.</li>
 * <li>Listeners are compared by identity, as Node compares functions (see {@link Listener} for
 *     the Java pitfall with method references).</li>
 * </ul>
 *
 * <h2>Event names</h2>
 * Strings (and {@link Symbol}s) as in Node. Like a JavaScript property key, a number, boolean or
 * {@code null} name is converted to its string ({@code on(1, …)} and {@code emit("1")} meet); any
 * other object (an enum, say) is used as is, compared with {@code equals}.
 * {@link #eventNames()} lists names in JavaScript's own-key order: integer-like names ascending,
 * then other strings in insertion order, then the rest.
 *
 * <h2>Arguments</h2>
 * {@code emit(event, a)} passes {@code a} as one argument even when it is an array; use
 * {@code emit(event, a, b, c…)} for several. Typed listeners ({@link Listener0} … {@link Listener4})
 * receive missing arguments as {@code null}; {@link Listener#ofArgs(ArgsListener)} receives them all.
 *
 * <h2>captureRejections</h2>
 * On an emitter made with {@code captureRejections} (see {@link EventEmitterOptions}), a listener
 * made with {@link Listener#async(AsyncListener)} whose stage fails has the failure emitted as
 * {@code 'error'} on the next tick (with capture switched off during that emit, as Node does).
 *
 * <h2>Threads</h2>
 * An emitter is confined to one thread, like every JavaScript object: call it from its event loop
 * (or from one thread of your own). It does no locking.
 */
public class EventEmitter {
    /** Node's {@code events.errorMonitor}: listeners of this symbol see every {@code 'error'} first. */
    public static final Symbol errorMonitor = new Symbol("events.errorMonitor");

    private static final String ERROR = "error";
    private static final String NEW_LISTENER = "newListener";
    private static final String REMOVE_LISTENER = "removeListener";

    private static volatile double defaultMaxListeners = 10;
    private static volatile boolean defaultCaptureRejections;

    /** Node's {@code _events}: a {@link Handler} for one listener, a {@link HandlerList} for more. */
    private final Map<Object, Object> events = new LinkedHashMap<>();
    /** NaN while unset: {@link #getMaxListeners()} then follows {@link #defaultMaxListeners()}. */
    private double maxListeners = Double.NaN;
    private boolean captureRejections;

    /** An emitter with the default options. */
    public EventEmitter() {
        this.captureRejections = defaultCaptureRejections;
    }

    /** An emitter with {@code options} ({@code new EventEmitter({captureRejections: true})}). */
    public EventEmitter(EventEmitterOptions options) {
        this.captureRejections = options == null ? defaultCaptureRejections : options.captureRejections();
    }

    // ---------------------------------------------------------------- registration

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public EventEmitter on(Object event, Listener listener) {
        return register(event, listener, false, false);
    }

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public EventEmitter on(Object event, Listener0 listener) {
        return register(event, Listener.wrap(listener, 0), false, false);
    }

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public <A> EventEmitter on(Object event, Listener1<A> listener) {
        return register(event, Listener.wrap(listener, 1), false, false);
    }

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public <A, B> EventEmitter on(Object event, Listener2<A, B> listener) {
        return register(event, Listener.wrap(listener, 2), false, false);
    }

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public <A, B, C> EventEmitter on(Object event, Listener3<A, B, C> listener) {
        return register(event, Listener.wrap(listener, 3), false, false);
    }

    /** Adds {@code listener} at the end of {@code event}'s listeners ({@code emitter.on}). */
    public <A, B, C, D> EventEmitter on(Object event, Listener4<A, B, C, D> listener) {
        return register(event, Listener.wrap(listener, 4), false, false);
    }

    /** Alias of {@code on}. */
    public EventEmitter addListener(Object event, Listener listener) {
        return register(event, listener, false, false);
    }

    /** Alias of {@code on}. */
    public EventEmitter addListener(Object event, Listener0 listener) {
        return register(event, Listener.wrap(listener, 0), false, false);
    }

    /** Alias of {@code on}. */
    public <A> EventEmitter addListener(Object event, Listener1<A> listener) {
        return register(event, Listener.wrap(listener, 1), false, false);
    }

    /** Alias of {@code on}. */
    public <A, B> EventEmitter addListener(Object event, Listener2<A, B> listener) {
        return register(event, Listener.wrap(listener, 2), false, false);
    }

    /** Alias of {@code on}. */
    public <A, B, C> EventEmitter addListener(Object event, Listener3<A, B, C> listener) {
        return register(event, Listener.wrap(listener, 3), false, false);
    }

    /** Alias of {@code on}. */
    public <A, B, C, D> EventEmitter addListener(Object event, Listener4<A, B, C, D> listener) {
        return register(event, Listener.wrap(listener, 4), false, false);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public EventEmitter once(Object event, Listener listener) {
        return register(event, listener, false, true);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public EventEmitter once(Object event, Listener0 listener) {
        return register(event, Listener.wrap(listener, 0), false, true);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public <A> EventEmitter once(Object event, Listener1<A> listener) {
        return register(event, Listener.wrap(listener, 1), false, true);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public <A, B> EventEmitter once(Object event, Listener2<A, B> listener) {
        return register(event, Listener.wrap(listener, 2), false, true);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public <A, B, C> EventEmitter once(Object event, Listener3<A, B, C> listener) {
        return register(event, Listener.wrap(listener, 3), false, true);
    }

    /** Adds a one-time listener: removed before it is first called ({@code emitter.once}). */
    public <A, B, C, D> EventEmitter once(Object event, Listener4<A, B, C, D> listener) {
        return register(event, Listener.wrap(listener, 4), false, true);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public EventEmitter prependListener(Object event, Listener listener) {
        return register(event, listener, true, false);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public EventEmitter prependListener(Object event, Listener0 listener) {
        return register(event, Listener.wrap(listener, 0), true, false);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public <A> EventEmitter prependListener(Object event, Listener1<A> listener) {
        return register(event, Listener.wrap(listener, 1), true, false);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public <A, B> EventEmitter prependListener(Object event, Listener2<A, B> listener) {
        return register(event, Listener.wrap(listener, 2), true, false);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public <A, B, C> EventEmitter prependListener(Object event, Listener3<A, B, C> listener) {
        return register(event, Listener.wrap(listener, 3), true, false);
    }

    /** Adds {@code listener} at the front of {@code event}'s listeners. */
    public <A, B, C, D> EventEmitter prependListener(Object event, Listener4<A, B, C, D> listener) {
        return register(event, Listener.wrap(listener, 4), true, false);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public EventEmitter prependOnceListener(Object event, Listener listener) {
        return register(event, listener, true, true);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public EventEmitter prependOnceListener(Object event, Listener0 listener) {
        return register(event, Listener.wrap(listener, 0), true, true);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public <A> EventEmitter prependOnceListener(Object event, Listener1<A> listener) {
        return register(event, Listener.wrap(listener, 1), true, true);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public <A, B> EventEmitter prependOnceListener(Object event, Listener2<A, B> listener) {
        return register(event, Listener.wrap(listener, 2), true, true);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public <A, B, C> EventEmitter prependOnceListener(Object event, Listener3<A, B, C> listener) {
        return register(event, Listener.wrap(listener, 3), true, true);
    }

    /** Adds a one-time listener at the front of {@code event}'s listeners. */
    public <A, B, C, D> EventEmitter prependOnceListener(Object event, Listener4<A, B, C, D> listener) {
        return register(event, Listener.wrap(listener, 4), true, true);
    }
    private EventEmitter register(Object event, Listener listener, boolean prepend, boolean once) {
        Object type = key(event);
        Handler handler = once ? new OnceWrapper(this, type, listener) : listener;
        if (events.get(NEW_LISTENER) != null) {
            emit(NEW_LISTENER, type, handler.unwrapped());
        }
        Object existing = events.get(type);
        if (existing == null) {
            events.put(type, handler);
            return this;
        }
        HandlerList list;
        if (existing instanceof Handler single) {
            list = prepend ? new HandlerList(handler, single) : new HandlerList(single, handler);
            events.put(type, list);
        } else {
            list = (HandlerList) existing;
            if (prepend) {
                list.unshift(handler);
            } else {
                list.push(handler);
            }
        }
        double m = getMaxListeners();
        if (m > 0 && list.size() > m && !list.warned) {
            list.warned = true;
            warnLeak(type, list.size(), m);
        }
        return this;
    }

    private void warnLeak(Object type, int count, double max) {
        NodeError w = new NodeError("MaxListenersExceededWarning", null,
                "Possible EventEmitter memory leak detected. " + count + " " + type + " listeners added to "
                        + inspectName() + ". MaxListeners is " + Inspect.numberToString(max)
                        + ". Use emitter.setMaxListeners() to increase limit");
        w.withProp("emitter", this).withProp("type", type).withProp("count", count);
        NodeProcess.process.emitWarning(w);
    }

    /**
     * How Node's {@code util.inspect(emitter, {depth: -1})} names this emitter in warnings:
     * {@code [EventEmitter]}, or {@code [MyEmitter]} for a subclass.
     */
    protected String inspectName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) {
            c = c.getSuperclass();
        }
        return "[" + c.getSimpleName() + "]";
    }

    // ---------------------------------------------------------------- removal

    /** Removes the most recently added registration of {@code listener} for {@code event} ({@code emitter.off}). */
    public EventEmitter off(Object event, Object listener) {
        return removeListener(event, listener);
    }

    /**
     * Removes the most recently added registration of {@code listener} (the object given to
     * {@code on}/{@code once}, or a raw {@link OnceWrapper}) from {@code event}; then emits
     * {@code 'removeListener'}. Removing a listener that is not there does nothing.
     *
     * @throws NodeError {@code ERR_INVALID_ARG_TYPE} when {@code listener} is not a listener
     */
    public EventEmitter removeListener(Object event, Object listener) {
        checkListener(listener);
        Object type = key(event);
        Object list = events.get(type);
        if (list == null) {
            return this;
        }
        if (list instanceof Handler single) {
            if (single.matches(listener)) {
                events.remove(type);
                if (events.get(REMOVE_LISTENER) != null) {
                    emit(REMOVE_LISTENER, type, single.unwrapped());
                }
            }
            return this;
        }
        HandlerList handlers = (HandlerList) list;
        int position = -1;
        for (int i = handlers.size() - 1; i >= 0; i--) {
            if (handlers.items[i].matches(listener)) {
                position = i;
                break;
            }
        }
        if (position < 0) {
            return this;
        }
        handlers.removeAt(position);
        if (handlers.size() == 1) {
            events.put(type, handlers.items[0]);
        }
        if (events.get(REMOVE_LISTENER) != null) {
            // Node passes the argument itself here (for removeAllListeners: the raw once wrapper).
            emit(REMOVE_LISTENER, type, listener);
        }
        return this;
    }

    /** Removes every listener of every event, emitting {@code 'removeListener'} for each when anyone listens. */
    public EventEmitter removeAllListeners() {
        if (events.get(REMOVE_LISTENER) == null) {
            events.clear();
            return this;
        }
        for (Object type : new ArrayList<>(ownKeys())) {
            if (!REMOVE_LISTENER.equals(type)) {
                removeAllListeners(type);
            }
        }
        removeAllListeners(REMOVE_LISTENER);
        events.clear();
        return this;
    }

    /** Removes every listener of {@code event}, last added first, emitting {@code 'removeListener'} for each. */
    public EventEmitter removeAllListeners(Object event) {
        Object type = key(event);
        if (events.get(REMOVE_LISTENER) == null) {
            events.remove(type);
            return this;
        }
        Object listeners = events.get(type);
        if (listeners instanceof Handler single) {
            removeListener(type, single.raw());
        } else if (listeners instanceof HandlerList list) {
            // LIFO, reading the live list as Node does: a listener removed meanwhile reads as undefined.
            for (int i = list.size() - 1; i >= 0; i--) {
                Handler h = list.get(i);
                removeListener(type, h == null ? Undefined.INSTANCE : h.raw());
            }
        }
        return this;
    }

    private static void checkListener(Object listener) {
        if (!isFunction(listener)) {
            throw Errors.invalidArgType("listener", "function", listener);
        }
    }

    private static boolean isFunction(Object o) {
        return o instanceof Handler || o instanceof Listener0 || o instanceof Listener1 || o instanceof Listener2
                || o instanceof Listener3 || o instanceof Listener4 || o instanceof ArgsListener
                || o instanceof AsyncListener;
    }

    // ---------------------------------------------------------------- emit

    /** Calls {@code event}'s listeners with no arguments. @return whether there were listeners */
    public boolean emit(Object event) {
        return dispatch(key(event), 0, null, null, null);
    }

    /** Calls {@code event}'s listeners with one argument (an array too is one argument). */
    public boolean emit(Object event, Object a) {
        return dispatch(key(event), 1, a, null, null);
    }

    /** Calls {@code event}'s listeners with two arguments. */
    public boolean emit(Object event, Object a, Object b) {
        return dispatch(key(event), 2, a, b, null);
    }

    /**
     * Calls {@code event}'s listeners synchronously, in order, with {@code args}.
     *
     * @return {@code true} if the event had listeners
     * @throws NodeError {@code ERR_UNHANDLED_ERROR} for an unheard {@code 'error'} that is not a
     *         {@code Throwable}; an unheard {@code Throwable} is thrown itself; whatever a listener throws
     *         propagates, and the remaining listeners are not called
     */
    public boolean emit(Object event, Object... args) {
        Object[] all = args == null ? new Object[] {null} : args;
        return dispatch(key(event), -1, null, null, all);
    }

    /** n = 0, 1 or 2 with a, b; or n = -1 with args. */
    private boolean dispatch(Object type, int n, Object a, Object b, Object[] args) {
        if (type == ERROR || ERROR.equals(type)) {
            if (events.get(errorMonitor) != null) {
                dispatch(errorMonitor, n, a, b, args);
            }
            if (events.get(ERROR) == null) {
                throw unhandled(n, a, args);
            }
        }
        Object handler = events.get(type);
        if (handler == null) {
            return false;
        }
        if (handler instanceof Handler single) {
            Object result = call(single, n, a, b, args);
            if (result != null) {
                addCatch(result, type);
            }
        } else {
            for (Handler h : ((HandlerList) handler).items) {
                Object result = call(h, n, a, b, args);
                if (result != null) {
                    addCatch(result, type);
                }
            }
        }
        return true;
    }

    private Object call(Handler h, int n, Object a, Object b, Object[] args) {
        switch (n) {
            case 0:
                return h.invoke0(this);
            case 1:
                return h.invoke1(this, a);
            case 2:
                return h.invoke2(this, a, b);
            default:
                return h.invoke(this, args);
        }
    }

    private static RuntimeException unhandled(int n, Object a, Object[] args) {
        Object er = n == 0 ? Undefined.INSTANCE : n > 0 ? a : args.length > 0 ? args[0] : Undefined.INSTANCE;
        if (er instanceof Throwable t) {
            throw EventEmitter.<RuntimeException>sneaky(t);
        }
        return Errors.unhandledError(er);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Node's {@code addCatch}: a failed stage returned by a listener becomes an {@code 'error'}. */
    private void addCatch(Object result, Object type) {
        if (!captureRejections || !(result instanceof CompletionStage<?> stage)) {
            return;
        }
        EventLoop loop = EventLoop.current();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                return;
            }
            Throwable err = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            // As in Node: the rejection handler is a microtask that schedules the emit on the next tick.
            Runnable report = () -> loop.queueMicrotask(() -> loop.nextTick(() -> emitRejection(err)));
            if (loop.inLoopThread()) {
                report.run();
            } else {
                loop.execute(report);
            }
        });
    }

    private void emitRejection(Throwable err) {
        boolean prev = captureRejections;
        try {
            captureRejections = false;
            emit(ERROR, err);
        } finally {
            captureRejections = prev;
        }
    }

    // ---------------------------------------------------------------- introspection

    /** How many listeners {@code event} has. */
    public int listenerCount(Object event) {
        Object h = events.get(key(event));
        return h == null ? 0 : h instanceof Handler ? 1 : ((HandlerList) h).size();
    }

    /** How many times {@code listener} is registered for {@code event} (Node 20's two-argument form). */
    public int listenerCount(Object event, Object listener) {
        if (listener == null || listener instanceof Undefined) {
            return listenerCount(event);
        }
        Object h = events.get(key(event));
        if (h == null) {
            return 0;
        }
        if (h instanceof Handler single) {
            return single.matches(listener) ? 1 : 0;
        }
        int matching = 0;
        for (Handler x : ((HandlerList) h).items) {
            if (x.matches(listener)) {
                matching++;
            }
        }
        return matching;
    }

    /** A copy of {@code event}'s listeners, once wrappers unwrapped to the listener given. */
    public List<Object> listeners(Object event) {
        return snapshot(event, true);
    }

    /** A copy of {@code event}'s listeners with once registrations as their {@link OnceWrapper}. */
    public List<Object> rawListeners(Object event) {
        return snapshot(event, false);
    }

    private List<Object> snapshot(Object event, boolean unwrap) {
        Object h = events.get(key(event));
        if (h == null) {
            return new ArrayList<>();
        }
        Handler[] items = h instanceof Handler single ? new Handler[] {single} : ((HandlerList) h).items;
        List<Object> out = new ArrayList<>(items.length);
        for (Handler x : items) {
            out.add(unwrap ? x.unwrapped() : x.raw());
        }
        return out;
    }

    /** The names of the events that have listeners, in JavaScript's own-key order. */
    public List<Object> eventNames() {
        return new ArrayList<>(ownKeys());
    }

    /** JavaScript's {@code Reflect.ownKeys} order: array-index keys ascending, other strings, then symbols. */
    private List<Object> ownKeys() {
        List<Object> indices = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        for (Object k : events.keySet()) {
            if (k instanceof String s) {
                (isArrayIndex(s) ? indices : strings).add(s);
            } else {
                others.add(k);
            }
        }
        if (indices.isEmpty()) {
            strings.addAll(others);
            return strings;
        }
        indices.sort((x, y) -> Long.compare(Long.parseLong((String) x), Long.parseLong((String) y)));
        indices.addAll(strings);
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String s) {
        int len = s.length();
        if (len == 0 || len > 10 || (len > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(s) < 4294967295L;
    }

    // ---------------------------------------------------------------- max listeners

    /**
     * Sets how many listeners an event may have before the leak warning; 0 or
     * {@code Double.POSITIVE_INFINITY} means unlimited.
     *
     * @throws NodeError {@code ERR_OUT_OF_RANGE} for a negative number or NaN
     */
    public EventEmitter setMaxListeners(double n) {
        maxListeners = validateMax(n, "setMaxListeners");
        return this;
    }

    /**
     * The current limit, a JavaScript number as in Node: it may be fractional ({@code 1.5} warns at the
     * second listener) or {@code Double.POSITIVE_INFINITY}.
     */
    public double getMaxListeners() {
        return Double.isNaN(maxListeners) ? defaultMaxListeners : maxListeners;
    }

    /** Node's {@code EventEmitter.defaultMaxListeners} (10 unless changed). */
    public static double defaultMaxListeners() {
        return defaultMaxListeners;
    }

    /** Sets {@code EventEmitter.defaultMaxListeners} for every emitter without its own limit. */
    public static void setDefaultMaxListeners(double n) {
        defaultMaxListeners = validateMax(n, "defaultMaxListeners");
    }

    static double validateMax(double n, String name) {
        if (Double.isNaN(n) || n < 0) {
            throw Errors.outOfRange(name, ">= 0", n);
        }
        return n;
    }

    /** Node's {@code EventEmitter.captureRejections}: the default for new emitters. */
    public static boolean captureRejectionsDefault() {
        return defaultCaptureRejections;
    }

    /** Sets the {@code captureRejections} default for emitters created afterwards. */
    public static void setCaptureRejectionsDefault(boolean value) {
        defaultCaptureRejections = value;
    }

    // ---------------------------------------------------------------- names

    /** A JavaScript property key: strings and symbols as they are, numbers, booleans and null as strings. */
    static Object key(Object event) {
        if (event instanceof String) {
            return event;
        }
        if (event == null) {
            return "null";
        }
        if (event instanceof CharSequence || event instanceof Boolean || event instanceof Character
                || event instanceof BigInteger) {
            return event.toString();
        }
        if (event instanceof Double || event instanceof Float) {
            return Inspect.numberToString(((Number) event).doubleValue());
        }
        if (event instanceof Number) {
            return event.toString();
        }
        return event;
    }
}
