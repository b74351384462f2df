package dev.nodeshim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** nginx's smooth weighted round robin, as SCHED_RR uses it. */
class SmoothWeightedTest {

    private static List<String> picks(SmoothWeighted<String> w, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(w.next());
        }
        return out;
    }

    /** nginx's example in its upstream module: weights 5, 1, 1. */
    @Test
    void nginxExample() {
        SmoothWeighted<String> w = new SmoothWeighted<>();
        w.add("a", 5);
        w.add("b", 1);
        w.add("c", 1);
        assertEquals(List.of("a", "a", "b", "a", "c", "a", "a"), picks(w, 7));
    }

    @Test
    void equalWeightsArePlainRoundRobinAndChangesApply() {
        SmoothWeighted<String> w = new SmoothWeighted<>();
        w.add("a", 1);
        w.add("b", 1);
        assertEquals(List.of("a", "b", "a", "b"), picks(w, 4));
        w.removeIf("a"::equals);
        assertEquals(List.of("b", "b"), picks(w, 2));
        w.removeIf("b"::equals);
        assertEquals(null, w.next());
        assertThrows(IllegalArgumentException.class, () -> w.add("c", 0));
    }

    /** Over any window of sum(weights) picks, each entry is picked exactly its weight. */
    @Property(tries = 200)
    void everyWindowOfSumPicksMatchesTheWeights(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 9) Integer> weights) {
        SmoothWeighted<Integer> w = new SmoothWeighted<>();
        int sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            w.add(i, weights.get(i));
            sum += weights.get(i);
        }
        for (int round = 0; round < 3; round++) {
            Map<Integer, Integer> count = new TreeMap<>();
            for (int k = 0; k < sum; k++) {
                count.merge(w.next(), 1, Integer::sum);
            }
            Map<Integer, Integer> expected = new TreeMap<>();
            for (int i = 0; i < weights.size(); i++) {
                expected.put(i, weights.get(i));
            }
            assertEquals(expected, count);
        }
    }
}
