package io.portcullis.bench.engine.run;

import io.portcullis.bench.engine.exchangecore.ExchangeCoreMix;
import io.portcullis.bench.engine.latency.MixDriver;
import io.portcullis.bench.engine.oms.OmsMix;
import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.oms.event.EngineListener;

import java.util.List;

/**
 * The two engines by their command-line names. Each JVM has only one engine on its class path, so only the
 * branch for that engine may ever run (the JVM loads an engine's classes only when its branch executes).
 */
final class Engines {

    static final String PORTCULLIS = "portcullis";
    static final String EXCHANGE_CORE = "exchange-core";
    static final List<String> NAMES = List.of(PORTCULLIS, EXCHANGE_CORE);

    private Engines() {
    }

    static String check(final String engine) {
        if (!NAMES.contains(engine)) {
            throw new IllegalArgumentException("--engine: expected one of " + NAMES + ", was " + engine);
        }
        return engine;
    }

    /** JMH include pattern of the engine's benchmark class (by name, so the other engine is never loaded). */
    static String benchmarkPattern(final String engine) {
        return PORTCULLIS.equals(engine)
            ? "io\\.portcullis\\.bench\\.engine\\.oms\\.OmsMixBenchmark\\..*"
            : "io\\.portcullis\\.bench\\.engine\\.exchangecore\\.ExchangeCoreMixBenchmark\\..*";
    }

    /** A driver for the latency run; verifies the engine against the reference book first. */
    static MixDriver driver(final String engine, final Workload workload) {
        if (PORTCULLIS.equals(engine)) {
            final OmsMix mix = new OmsMix(workload, () -> EngineListener.NO_OP);
            mix.verify();
            return mix;
        }
        final ExchangeCoreMix mix = new ExchangeCoreMix(workload);
        mix.verify();
        return mix;
    }
}
