package io.portcullis.bench.engine.latency;

/**
 * One engine loaded with a translated workload, as the open-loop driver and the allocation probe see it. The
 * engine is called directly on the caller's thread: no queue, no handoff. Implementations are single-threaded.
 */
public interface MixDriver {

    /** @return the engine's name in results, e.g. {@code portcullis} */
    String engineName();

    /** @return commands in the measured mix */
    int mixCount();

    /** Replaces the engine with a fresh one holding the fill orders. Allocates; never inside a measurement. */
    void reset();

    /**
     * Applies mix command {@code i} (0-based, in order, each once per {@link #reset()}). Should not allocate.
     *
     * @param i position in the mix
     */
    void apply(int i);
}
