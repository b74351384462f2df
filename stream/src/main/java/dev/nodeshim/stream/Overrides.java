package dev.nodeshim.stream;

import java.util.Set;

/**
 * Whether a user subclass overrides one of the optional implementation methods. Node tests
 * {@code typeof stream._construct === 'function'} (and {@code _writev}, {@code _final}); those
 * methods are absent on the base classes, so here "present" means declared below them.
 */
final class Overrides {
    static final int CONSTRUCT = 1;
    static final int WRITEV = 2;
    static final int FINAL = 4;
    static final int FLUSH = 8;

    private static final Set<String> BASES =
            Set.of("Stream", "Readable", "Writable", "Duplex", "Transform", "PassThrough");

    private static final ClassValue<Integer> FLAGS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            int flags = 0;
            for (Class<?> k = type; k != null && !isBase(k); k = k.getSuperclass()) {
                flags |= declares(k, "_construct", Callback.class) ? CONSTRUCT : 0;
                flags |= declares(k, "_writev", java.util.List.class, Callback.class) ? WRITEV : 0;
                flags |= declares(k, "_final", Callback.class) ? FINAL : 0;
                flags |= declares(k, "_flush", TransformCallback.class) ? FLUSH : 0;
            }
            return flags;
        }
    };

    private Overrides() {
    }

    static boolean has(Class<?> type, int flag) {
        return (FLAGS.get(type) & flag) != 0;
    }

    private static boolean isBase(Class<?> k) {
        return k == Object.class || k.getName().equals("dev.nodeshim.events.EventEmitter")
                || (k.getPackageName().equals("dev.nodeshim.stream") && BASES.contains(k.getSimpleName()));
    }

    private static boolean declares(Class<?> k, String name, Class<?>... params) {
        try {
            k.getDeclaredMethod(name, params);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
