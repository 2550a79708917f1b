package io.portcullis.backoffice.batch;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BLOCK_ALLOCATION;
import static io.portcullis.sql.schema.Tables.BLOCK_ALLOCATION_INSTRUCTION;
import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.INSTRUMENT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.portcullis.backoffice.calendar.SettlementCalendar;
import io.portcullis.backoffice.fees.FeeCalculator;
import io.portcullis.backoffice.fees.FeeSchedule;
import io.portcullis.backoffice.fees.RateUnavailableException;
import io.portcullis.backoffice.settlement.AllocationException;
import io.portcullis.backoffice.settlement.AllocationInstruction;
import io.portcullis.backoffice.settlement.BlockAllocation;
import io.portcullis.backoffice.settlement.Capacity;
import io.portcullis.backoffice.settlement.Execution;
import io.portcullis.backoffice.settlement.SettlementFiles;
import io.portcullis.backoffice.settlement.SettlementInput;
import io.portcullis.backoffice.settlement.SettlementResult;
import io.portcullis.backoffice.settlement.SettlementRun;
import io.portcullis.backoffice.settlement.SettlementStore;
import io.portcullis.backoffice.settlement.UnknownAccountException;
import org.jooq.DSLContext;

/**
 * The settlement job's calculation step: every execution of every trade date that settles on the same day as
 * {@code date} (the calendar's T+1, with the Fed holidays that do not settle), priced with the fees in force on each
 * trade date, netted into obligations, confirmed per trade, posted to the ledger, stored (replacing that settlement
 * date's rows, so a rerun or a restart after kill -9 leaves the same rows), and written as two files:
 * {@code <batch.output-dir>/<date>/confirmations-<date>.csv} (the trade date's confirmations) and
 * {@code settlement-instructions-<settlement date>.csv}. Everything is computed before anything is stored, and files
 * are written to a temporary name and moved into place: a missing fee rate or an unknown account stops the step
 * with nothing half-written. Block orders named in {@code block_allocation} are split among the sub-accounts of
 * their instructions at the average price.
 */
final class SettleStep {
    private SettleStep() {
    }

    /** What one run of the step produced. */
    record Outcome(LocalDate settlementDate, int executions, int confirmations, int obligations, Path confirmationsFile,
                   Path instructionsFile) {
    }

    /**
     * Heap the step needs per execution of the settlement date, measured with the settlement benchmark (a million
     * executions settle in about 6 GB): the executions, their confirmations, obligations and ledger lines are all
     * held until they are stored together.
     */
    static final long BYTES_PER_EXECUTION = 6_000;
    /** Heap the step needs besides the executions. */
    static final long BASE_BYTES = 256L << 20;

    /**
     * Whether {@code executions} fit in {@code maxHeap} bytes of heap.
     *
     * @return empty when they do, else what to do
     */
    static Optional<String> heapShortfall(final long executions, final long maxHeap) {
        final long need = BASE_BYTES + executions * BYTES_PER_EXECUTION;
        if (need <= maxHeap) {
            return Optional.empty();
        }
        final long gigabytes = (need + (1L << 30) - 1) >> 30;
        return Optional.of(String.format("settling %,d executions needs about %,d MB of heap and this "
            + "process has %,d MB: run the job again with PORTCULLIS_BATCH_HEAP=%dg (./portcullis batch passes it to "
            + "the JVM as -Xmx); nothing was written", executions, need >> 20, maxHeap >> 20, gigabytes));
    }

    /** Runs the step for trade date {@code date}. */
    static Outcome settle(final DSLContext dsl, final LocalDate date, final Path outputDir) {
        final SettlementCalendar calendar = SettlementCalendar.loadLatest(dsl);
        final LocalDate settlementDate = calendar.settlementDate(date);
        final List<LocalDate> tradeDates = calendar.tradeDatesSettlingOn(settlementDate);
        final long count = dsl.fetchCount(EXECUTIONS, EXECUTIONS.TRADE_DATE.in(tradeDates));
        heapShortfall(count, Runtime.getRuntime().maxMemory()).ifPresent(message -> {
            throw new BatchException(ExitCode.REFUSED, message, null);
        });
        final List<Execution> executions = dsl.selectFrom(EXECUTIONS).where(EXECUTIONS.TRADE_DATE.in(tradeDates))
            .orderBy(EXECUTIONS.EXEC_ID).fetch(row -> Execution.from(row, Capacity.AGENT));
        final Set<String> accounts = new HashSet<>(dsl.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT)
            .fetch(ACCOUNT.ACCOUNT_ID));
        final Map<String, String> names = new HashMap<>();
        dsl.select(INSTRUMENT.SYMBOL, INSTRUMENT.NAME).from(INSTRUMENT).forEach(r -> names.put(r.value1(),
            r.value2()));
        final SettlementResult result;
        try {
            result = new SettlementRun(calendar, new FeeCalculator(FeeSchedule.load(dsl)))
                .run(new SettlementInput(executions, blocks(dsl, tradeDates), accounts, names, List.of()));
        } catch (final RateUnavailableException ex) {
            throw new BatchException(ExitCode.REFUSED, ex.getMessage() + "; add it to its effective-dated table "
                + "(fee_sec_section31, fee_finra_taf or commission_schedule) and run the job again: nothing was "
                + "written", ex);
        } catch (final UnknownAccountException | AllocationException ex) {
            throw new BatchException(ExitCode.REFUSED, ex.getMessage() + "; fix the account or the allocation and "
                + "run the job again: nothing was written", ex);
        }
        SettlementStore.save(dsl, result);
        final Path dir = outputDir.resolve(date.toString());
        final Path confirmations = dir.resolve("confirmations-" + date + ".csv");
        final Path instructions = dir.resolve("settlement-instructions-" + settlementDate + ".csv");
        write(confirmations, SettlementFiles.confirmations(result.confirmations().stream()
            .filter(c -> c.trade().tradeDate().equals(date)).toList()));
        write(instructions, SettlementFiles.instructions(result.obligations().stream()
            .filter(o -> o.settlementDate().equals(settlementDate)).toList()));
        return new Outcome(settlementDate, executions.size(), result.confirmations().size(),
            result.obligations().size(), confirmations, instructions);
    }

    /** The block allocations of the trade dates, from {@code block_allocation} and its instructions. */
    private static List<BlockAllocation> blocks(final DSLContext dsl, final List<LocalDate> tradeDates) {
        final Map<String, Set<Long>> orders = new TreeMap<>();
        dsl.select(BLOCK_ALLOCATION.BLOCK_ID, BLOCK_ALLOCATION.ORDER_ID).from(BLOCK_ALLOCATION)
            .where(BLOCK_ALLOCATION.TRADE_DATE.in(tradeDates))
            .forEach(r -> orders.computeIfAbsent(r.value1(), b -> new TreeSet<>()).add(r.value2()));
        if (orders.isEmpty()) {
            return List.of();
        }
        final Map<String, List<AllocationInstruction>> instructions = new TreeMap<>();
        dsl.selectFrom(BLOCK_ALLOCATION_INSTRUCTION).where(BLOCK_ALLOCATION_INSTRUCTION.BLOCK_ID.in(orders.keySet()))
            .orderBy(BLOCK_ALLOCATION_INSTRUCTION.BLOCK_ID, BLOCK_ALLOCATION_INSTRUCTION.ACCOUNT_ID)
            .forEach(r -> instructions.computeIfAbsent(r.getBlockId(), b -> new ArrayList<>())
                .add(new AllocationInstruction(r.getAccountId(), r.getShares())));
        final List<BlockAllocation> blocks = new ArrayList<>();
        orders.forEach((block, ids) -> {
            final List<AllocationInstruction> split = instructions.get(block);
            if (split == null) {
                throw new BatchException(ExitCode.REFUSED, "block " + block + " has no allocation instructions; add "
                    + "them (table block_allocation_instruction) and run the job again: nothing was written", null);
            }
            blocks.add(new BlockAllocation(block, ids, split));
        });
        return blocks;
    }

    private static void write(final Path file, final String content) {
        try {
            Files.createDirectories(file.getParent());
            final Path temporary = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
