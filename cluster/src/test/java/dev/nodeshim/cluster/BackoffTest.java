package dev.nodeshim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PM2's exponential backoff as {@link Backoff} computes it; no process, no clock. */
class BackoffTest {

    /** 100 ms × 1.5^n, capped at 15 s; after 16 unstable restarts in a row the slot is given up. */
    @Test
    void defaultsGrowByHalfUpToFifteenSecondsThenGiveUp() {
        Backoff b = new Backoff(SupervisorOptions.defaults());
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            delays.add(b.onExit(500));
        }
        assertEquals(List.of(100L, 150L, 225L, 337L, 506L, 759L, 1139L, 1708L, 2562L, 3844L, 5766L, 8649L, 12974L,
                15000L, 15000L, 15000L, -1L), delays);
        assertEquals(16, b.restarts());
    }

    /** A worker up for 30 s was stable: the series starts again, even from the crash-loop limit. */
    @Test
    void aStableWorkerResetsTheSeries() {
        Backoff b = new Backoff(SupervisorOptions.defaults().maxRestarts(3));
        assertEquals(100, b.onExit(0));
        assertEquals(150, b.onExit(29_999));
        assertEquals(225, b.onExit(10));
        assertEquals(-1, b.onExit(10));
        assertEquals(100, b.onExit(30_000));
        assertEquals(1, b.restarts());
    }

    @Test
    void optionsApply() {
        Backoff b = new Backoff(SupervisorOptions.defaults().initialDelay(Duration.ofSeconds(1)).factor(2)
                .maxDelay(Duration.ofSeconds(3)).maxRestarts(4).stableAfter(Duration.ofMinutes(1)));
        assertEquals(List.of(1000L, 2000L, 3000L, 3000L, -1L),
                List.of(b.onExit(59_000), b.onExit(0), b.onExit(0), b.onExit(0), b.onExit(0)));
    }
}
