package dev.nodeshim.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Probe names ({@code "events.script"}) to their Java halves. {@link #standard()} holds every probe
 * nodeshim implements; each module contributes through one class ({@link EventsProbes},
 * {@link LoopProbes}, {@link BufferProbes}, …) with a static {@code register(ProbeRegistry)}.
 */
public final class ProbeRegistry {
    private final Map<String, Probe> probes = new TreeMap<>();

    /** Every probe of every module. */
    public static ProbeRegistry standard() {
        ProbeRegistry r = new ProbeRegistry();
        EventsProbes.register(r);
        LoopProbes.register(r);
        BufferProbes.register(r);
        CryptoProbes.register(r);
        CryptoKeyProbes.register(r);
        CryptoAgreementProbes.register(r);
        ChildProcessProbes.register(r);
        V8Probes.register(r);
        return r;
    }

    /** Adds a probe; a name may be registered once. */
    public ProbeRegistry register(String name, Probe probe) {
        if (probes.putIfAbsent(name, probe) != null) {
            throw new IllegalStateException("probe registered twice: " + name);
        }
        return this;
    }

    /** The probe, or {@code null} for a name no module implements. */
    public Probe get(String name) {
        return probes.get(name);
    }

    /** The registered names, sorted. */
    public Map<String, Probe> all() {
        return Collections.unmodifiableMap(probes);
    }
}
