package io.portcullis.fix.order;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.runner.CommandCallback;

/**
 * How the order layer reaches the engine: {@code EngineRunner::submit} in the gateway, a recording fake in unit
 * tests. The outcome of every command arrives later through the runner's {@code DurableRecordListener}, once durable.
 */
@FunctionalInterface
public interface EnginePort {
    /**
     * Submits a command (its sequence is assigned by the engine thread). Any thread; never blocks.
     *
     * @return false when the engine is busy or stopped: answer the client with a reject saying so
     */
    boolean submit(Command command, CommandCallback callback);
}
