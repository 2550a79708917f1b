package io.portcullis.oms.journal;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.EngineConfig;

/** Opens {@link RandomFlow} to tests in other packages. */
public final class RandomFlowAccess {
    private final RandomFlow flow;

    /** @param seed the stream's seed */
    public RandomFlowAccess(final long seed) {
        flow = new RandomFlow(seed);
    }

    /** @param seed the stream's seed; @param prefix put before every ClOrdID */
    public RandomFlowAccess(final long seed, final String prefix) {
        flow = new RandomFlow(seed, prefix);
    }

    /** The FIX session id the flow's orders carry. */
    public static String session() {
        return RandomFlow.SESSION;
    }

    /** The engine configuration the flow's symbols and accounts need. */
    public static EngineConfig config() {
        return RandomFlow.config();
    }

    /** The next command. */
    public Command next() {
        return flow.next();
    }
}
