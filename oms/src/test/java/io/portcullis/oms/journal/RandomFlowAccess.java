package io.portcullis.oms.journal;

import java.time.Duration;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;

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

    /**
     * Runs an engine recovered as {@code recovered} on {@code journal} and submits the flow's next {@code commands}
     * commands, returning once every one is durable (the caller closes the runner).
     *
     * @throws AssertionError when a command is lost or the commands are not durable within two minutes
     */
    public EngineRunner journal(final Recovery.Result recovered, final KafkaJournal journal, final int commands)
        throws InterruptedException {
        return DurableRun.run(recovered, journal, this::next, commands, 4_096, Duration.ofSeconds(120));
    }
}
