package io.portcullis.bench.engine.exchangecore;

import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.orderbook.IOrderBook;
import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.bench.engine.workload.WorkloadConfig;
import io.portcullis.bench.engine.workload.WorkloadGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of exchange-core 0.5.3's {@code OrderBookDirectImpl} on the same command mix, in commands per second.
 *
 * <p>One invocation applies the {@value WorkloadConfig#DEFAULT_MIX_COMMANDS} pre-built mix commands, in order, to a
 * book that was built and filled with the same ~1,000 resting orders just before (not timed). Measured per
 * command: copying the pre-built command into the work command, {@code IOrderBook.processCommand} (dispatch,
 * order-id index, price buckets, matching, trade/reduce/reject event objects linked to the command). Not in
 * exchange-core's book and therefore not measured: its risk engine, the Disruptor ring and its journaling, any
 * consumer of the events. Not measured either: building the commands (once per trial), book construction, fill.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExchangeCoreMixBenchmark {

    private ExchangeCoreMix mix;
    private OrderCommand[] commands;
    private final OrderCommand work = new OrderCommand();
    private IOrderBook book;

    /** Generates, translates and verifies the workload once per fork. */
    @Setup(Level.Trial)
    public void prepare() {
        final Workload workload = WorkloadGenerator.generate(new WorkloadConfig());
        mix = new ExchangeCoreMix(workload);
        mix.verify();
        commands = mix.mix();
        System.out.println("workload " + workload.checksum() + ": " + workload.outcome.mixSummary());
    }

    /** A fresh book with the fill applied before every invocation (not timed). */
    @Setup(Level.Invocation)
    public void freshBook() {
        book = mix.newBook();
    }

    /**
     * Applies the whole mix to the book; throughput is per command.
     *
     * @return the last command's result, so that nothing is dead code
     */
    @Benchmark
    @OperationsPerInvocation(WorkloadConfig.DEFAULT_MIX_COMMANDS)
    public Object mix() {
        final IOrderBook b = book;
        final OrderCommand w = work;
        Object last = null;
        for (final OrderCommand c : commands) {
            last = ExchangeCoreMix.process(b, w, c);
        }
        return last;
    }
}
