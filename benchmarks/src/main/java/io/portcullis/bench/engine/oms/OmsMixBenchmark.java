package io.portcullis.bench.engine.oms;

import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.bench.engine.workload.WorkloadConfig;
import io.portcullis.bench.engine.workload.WorkloadGenerator;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.journal.EventEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of our {@link OrderEngine} on exchange-core's command mix, in commands per second.
 *
 * <p>One invocation applies the {@value WorkloadConfig#DEFAULT_MIX_COMMANDS} pre-built mix commands, in order, to an
 * engine that was built and filled with ~1,000 resting orders just before (outside the timed region, JMH
 * {@code Level.Invocation} setup). Measured per command: {@code OrderEngine.apply} in full, i.e. sequence check,
 * validation, ClOrdID and OrderID indexes, self-trade check, matching, order state machine, exposure and position
 * upkeep, execution reports, trade, depth, top-of-book and daily statistics events, delivered to the listener
 * chosen by {@code listener}: {@code no-op} (the comparison with exchange-core's book, which has no listener) or
 * {@code journal-encoder} (the journal's {@link EventEncoder}, which serializes every event into its buffer).
 * Not measured: building command records (done once per trial), engine construction and the fill.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OmsMixBenchmark {

    /** Which listener the engine reports to: {@code no-op} or {@code journal-encoder}. */
    @Param({"no-op", "journal-encoder"})
    public String listener;

    private OmsMix mix;
    private Command[] commands;
    private OrderEngine engine;

    /** Generates, translates and verifies the workload once per fork. */
    @Setup(Level.Trial)
    public void prepare() {
        final Workload workload = WorkloadGenerator.generate(new WorkloadConfig());
        mix = new OmsMix(workload, this::newListener);
        mix.verify();
        commands = mix.mix();
        System.out.println("workload " + workload.checksum() + ": " + workload.outcome.mixSummary());
    }

    /** A fresh engine with the fill applied before every invocation (not timed). */
    @Setup(Level.Invocation)
    public void freshEngine() {
        engine = mix.newEngine(newListener());
    }

    private EngineListener newListener() {
        return switch (listener) {
            case "no-op" -> EngineListener.NO_OP;
            case "journal-encoder" -> new EventEncoder();
            default -> throw new IllegalArgumentException("listener: unknown value " + listener);
        };
    }

    /**
     * Applies the whole mix to the engine; throughput is per command.
     *
     * @return the last OrderID, so that nothing is dead code
     */
    @Benchmark
    @OperationsPerInvocation(WorkloadConfig.DEFAULT_MIX_COMMANDS)
    public long mix() {
        final OrderEngine e = engine;
        for (final Command c : commands) {
            e.apply(c);
        }
        return e.lastOrderId();
    }
}
