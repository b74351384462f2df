package dev.nodeshim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Weighted round robin as nginx does it ("smooth"): at each pick every entry's current weight grows by
 * its weight, the entry with the highest current weight (the first one on a tie) is picked and its
 * current weight drops by the sum of the weights. Over any run of {@code sum} picks each entry is
 * picked exactly {@code weight} times, and picks of a heavy entry are spread out instead of coming in a
 * burst: weights 5, 1, 1 give a a b a c a a (nginx's own example). Equal weights give plain round robin.
 * Not thread-safe: {@link RoundRobinHandle} calls it under its lock.
 */
final class SmoothWeighted<T> {
    private static final class Entry<T> {
        final T value;
        int weight;
        int current;

        Entry(T value, int weight) {
            this.value = value;
            this.weight = weight;
        }
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    void add(T value, int weight) {
        entries.add(new Entry<>(value, checked(weight)));
    }

    void removeIf(Predicate<T> which) {
        entries.removeIf(e -> which.test(e.value));
    }

    /** Changes the weight of the entries {@code which} selects. */
    void weight(Predicate<T> which, int weight) {
        for (Entry<T> e : entries) {
            if (which.test(e.value)) {
                e.weight = checked(weight);
            }
        }
    }

    boolean anyMatch(Predicate<T> which) {
        return entries.stream().anyMatch(e -> which.test(e.value));
    }

    int size() {
        return entries.size();
    }

    /** The next pick, or null when empty. */
    T next() {
        Entry<T> best = null;
        int total = 0;
        for (Entry<T> e : entries) {
            e.current += e.weight;
            total += e.weight;
            if (best == null || e.current > best.current) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        best.current -= total;
        return best.value;
    }

    private static int checked(int weight) {
        if (weight < 1) {
            throw new IllegalArgumentException("a weight must be >= 1: " + weight);
        }
        return weight;
    }
}
