package io.portcullis.risk.check;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.runner.CommandCallback;

/**
 * How risk reaches the order engine without depending on the FIX layer: {@code EngineRunner::submit} in the gateway,
 * a recording fake in tests. Same shape as the gateway's {@code EnginePort}.
 */
@FunctionalInterface
public interface CommandSubmitter {

    /**
     * Submits a command; the engine thread assigns its sequence. Any thread; never blocks.
     *
     * @param command  the command; non-null
     * @param callback told once the command's journal record is durable (or lost); non-null
     * @return false when the engine is busy or stopped
     */
    boolean submit(Command command, CommandCallback callback);
}
