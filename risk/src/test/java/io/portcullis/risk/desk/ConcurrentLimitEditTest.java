package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.firm;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight risk officers edit the same three limits at once on two gateway nodes (increases approved by a colleague),
 * while an order-checking thread reads each node's engine copy. Every edit either applies or is refused with a
 * version conflict; each applied change lands on top of the version its officer read, with consecutive versions and
 * none lost; MySQL ends at the last applied value of each slot with the history of every version; each engine saw
 * the changes in desk-sequence order, never a value that was not applied, and ends equal to MySQL. Seeded: the seed
 * is printed on failure.
 */
@Timeout(300)
class ConcurrentLimitEditTest {
    private static final int THREADS = 8;
    private static final int EDITS_PER_THREAD = 20;
    private static final List<LimitName> SLOTS = List.of(LimitName.MAX_ORDER_QTY, LimitName.MAX_ORDER_NOTIONAL,
        LimitName.MAX_LONG_POSITION);

    private static DeskFixture fixture;
    private static DeskFixture.Node nodeA;
    private static DeskFixture.Node nodeB;

    /** One change that took effect. */
    private record Applied(String slot, long version, String value, long seq) {
    }

    @BeforeAll
    static void start() {
        fixture = DeskFixture.create(ConcurrentLimitEditTest.class);
        nodeA = fixture.node();
        nodeB = fixture.node();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void concurrentEditsEitherApplyOrConflictAndNoUpdateIsLost() throws Exception {
        final long seed = System.nanoTime();
        final List<Applied> applied = new CopyOnWriteArrayList<>();
        for (final LimitName name : SLOTS) {
            final ChangeOutcome first = nodeA.limits().set(firm(name, "50000", 0, "setup"));
            applied.add(new Applied(id(name), 1, "50000", first.limit().changeSeq()));
        }
        final AtomicInteger conflicts = new AtomicInteger();
        final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        final AtomicBoolean editing = new AtomicBoolean(true);
        final Map<String, List<String>> seenByOrders = new ConcurrentHashMap<>();
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        final CountDownLatch go = new CountDownLatch(1);
        final Future<?> orders = pool.submit(() -> checkOrdersWhileEditing(editing, seenByOrders));
        final List<Future<?>> editors = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            editors.add(pool.submit(() -> {
                go.await();
                edit(thread, new Random(seed + thread), applied, conflicts, unexpected);
                return null;
            }));
        }
        go.countDown();
        for (final Future<?> editor : editors) {
            editor.get(240, TimeUnit.SECONDS);
        }
        editing.set(false);
        orders.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        final String context = "seed " + seed;
        System.out.printf("%s: %d applied, %d version conflicts%n", context, applied.size() - SLOTS.size(),
            conflicts.get());
        assertThat(unexpected).as(context).isEmpty();
        assertThat(applied.size() - SLOTS.size() + conflicts.get()).as(context).isEqualTo(THREADS * EDITS_PER_THREAD);
        assertThat(conflicts.get()).as("some edits must collide, " + context).isPositive();
        final long maxSeq = applied.stream().mapToLong(Applied::seq).max().orElseThrow();
        assertThat(nodeA.desk().sync().awaitApplied(maxSeq, Duration.ofSeconds(10))).isTrue();
        assertThat(nodeB.desk().sync().awaitApplied(maxSeq, Duration.ofSeconds(10))).isTrue();
        for (final LimitName name : SLOTS) {
            final List<Applied> slot = applied.stream().filter(a -> a.slot().equals(id(name)))
                .sorted((x, y) -> Long.compare(x.version(), y.version())).toList();
            assertThat(slot).extracting(Applied::version).as("consecutive versions, none lost, " + context)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, slot.size()).boxed().toList());
            final LimitView authority = nodeA.limits().get(new LimitKey(LimitScope.FIRM, "*", "*", name));
            assertThat(authority.version()).isEqualTo(slot.size());
            assertThat(authority.value().toPlainString()).isEqualTo(slot.get(slot.size() - 1).value());
            assertThat(nodeA.limits().history(authority.key())).extracting(e -> e.newValue().toPlainString())
                .as("history of " + name).containsExactlyElementsOf(slot.stream().map(Applied::value).toList());
            for (final DeskFixture.Node node : List.of(nodeA, nodeB)) {
                assertThat(node.sink().value(id(name))).as("engine copy of " + name).isEqualTo(slot.get(slot.size() - 1)
                    .value());
            }
        }
        final Map<String, Long> seqOfValue = new HashMap<>();
        applied.forEach(a -> seqOfValue.put(a.slot() + "=" + a.value(), a.seq()));
        for (final DeskFixture.Node node : List.of(nodeA, nodeB)) {
            long last = 0;
            for (final RecordingSink.Call call : node.sink().calls()) {
                final Long seq = seqOfValue.get(call.id() + "=" + call.value());
                assertThat(seq).as("the engine got " + call + ", which never applied; " + context).isNotNull();
                assertThat(seq).as("desk sequence order at " + call + "; " + context).isGreaterThan(last);
                last = seq;
            }
        }
        seenByOrders.forEach((slotId, values) -> assertThat(values).as("order checks saw only applied values")
            .allSatisfy(value -> assertThat(seqOfValue).containsKey(slotId + "=" + value)));
        assertThat(fixture.dsl().fetchCount(RISK_LIMIT_CHANGE, RISK_LIMIT_CHANGE.STATUS.eq("PENDING_APPROVAL")))
            .as("every increase was approved or superseded").isZero();
    }

    /** One officer: reads a slot, picks a new value, sets it (an increase is approved by a colleague). */
    private static void edit(final int thread, final Random random, final List<Applied> applied,
                             final AtomicInteger conflicts, final List<Throwable> unexpected) {
        final DeskFixture.Node node = thread % 2 == 0 ? nodeA : nodeB;
        for (int i = 0; i < EDITS_PER_THREAD; i++) {
            final LimitName name = SLOTS.get(random.nextInt(SLOTS.size()));
            final LimitView current = node.limits().get(new LimitKey(LimitScope.FIRM, "*", "*", name));
            final String value = Long.toString(10_000 + random.nextInt(80) * 1_000L + thread * 10L + i % 10
                + (long) i / 10 * 100_000);
            try {
                ChangeOutcome outcome = node.limits().set(firm(name, value, current.version(), "officer-" + thread));
                if (outcome.change().status() == ChangeStatus.PENDING_APPROVAL) {
                    outcome = node.limits().approve(outcome.change().changeId(), "approver-" + thread, "checked");
                }
                assertThat(outcome.change().status()).isEqualTo(ChangeStatus.APPLIED);
                assertThat(outcome.limit().value()).isEqualByComparingTo(new BigDecimal(value));
                assertThat(outcome.limit().version()).as("applied on top of the version the officer read")
                    .isEqualTo(current.version() + 1);
                applied.add(new Applied(id(name), outcome.limit().version(), value, outcome.limit().changeSeq()));
            } catch (final DeskRefusal refusal) {
                if (refusal.kind() == DeskRefusal.Kind.CONFLICT && refusal.getMessage().contains("version")) {
                    conflicts.incrementAndGet();
                } else {
                    unexpected.add(refusal);
                }
            } catch (final Throwable ex) {
                unexpected.add(ex);
            }
        }
    }

    /** Stands for the engine thread checking orders: it reads each node's copy of the limits all along. */
    private static Void checkOrdersWhileEditing(final AtomicBoolean editing,
                                                final Map<String, List<String>> seen) throws InterruptedException {
        while (editing.get()) {
            for (final DeskFixture.Node node : List.of(nodeA, nodeB)) {
                for (final LimitName name : SLOTS) {
                    final String value = node.sink().value(id(name));
                    if (value != null) {
                        seen.computeIfAbsent(id(name), k -> new CopyOnWriteArrayList<>()).add(value);
                    }
                }
            }
            Thread.sleep(1);
        }
        return null;
    }

    private static String id(final LimitName name) {
        return "L|FIRM|*|*|" + name;
    }
}
