package io.portcullis.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.portcullis.app.http.MetricFamily;
import io.portcullis.fix.order.FixSender;
import io.portcullis.fix.session.SessionEvents;
import io.portcullis.fix.session.SessionProfile;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/**
 * FIX metrics on {@code /metrics}: application messages by session, direction and MsgType
 * ({@code portcullis_fix_messages_total}), and the order-to-ack latency histogram
 * ({@code portcullis_order_ack_latency_seconds}): from an order's ingress time (its TransactTime, stamped by the
 * gateway when the order arrived) to the moment its ExecutionReport New is handed to the session, i.e. including the
 * engine queue and the journal's durability point.
 *
 * <p>Wraps the order layer's {@link SessionEvents} (incoming) and {@link FixSender} (outgoing). Thread-safe: called on
 * session threads and the outbound thread; counters are {@link LongAdder}s.
 */
final class FixMetrics implements MetricFamily {
    /** Upper bounds of the latency buckets, seconds. */
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencySumMicros = new LongAdder();

    FixMetrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** The order layer's events with incoming application messages counted. */
    SessionEvents counting(final SessionEvents events) {
        return new SessionEvents() {
            @Override
            public void onLogon(final SessionID sessionId, final SessionProfile profile) {
                events.onLogon(sessionId, profile);
            }

            @Override
            public void onLogout(final SessionID sessionId, final SessionProfile profile) {
                events.onLogout(sessionId, profile);
            }

            @Override
            public void onApplicationMessage(final Message message, final SessionID sessionId,
                                             final SessionProfile profile)
                throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, UnsupportedMessageType {
                count(sessionId, "in", message);
                events.onApplicationMessage(message, sessionId, profile);
            }
        };
    }

    /** A sender that counts what it sends and times ExecutionReport New acknowledgements. */
    FixSender counting(final FixSender sender) {
        return (message, sessionId) -> {
            final boolean sent = sender.send(message, sessionId);
            if (sent) {
                count(sessionId, "out", message);
                timeAck(message);
            }
            return sent;
        };
    }

    private void count(final SessionID sessionId, final String direction, final Message message) {
        String type;
        try {
            type = message.getHeader().getString(35);
        } catch (final FieldNotFound ex) {
            type = "unknown";
        }
        messages.computeIfAbsent(sessionId + "|" + direction + "|" + type, k -> new LongAdder()).increment();
    }

    private void timeAck(final Message message) {
        try {
            if (!"8".equals(message.getHeader().getString(35)) || message.getChar(150) != '0'
                || message.isSetField(97) || !message.isSetField(60)) {
                return;
            }
            final LocalDateTime transact = message.getUtcTimeStamp(60);
            final Instant ingress = transact.toInstant(ZoneOffset.UTC);
            final long micros = java.time.Duration.between(ingress, Instant.now()).toNanos() / 1_000;
            if (micros < 0) {
                return;
            }
            record(micros);
        } catch (final FieldNotFound | quickfix.FieldException ex) {
            // not an acknowledgement we can time
        }
    }

    /** Records one acknowledgement latency in microseconds. */
    void record(final long micros) {
        latencyCount.increment();
        latencySumMicros.add(micros);
        final double seconds = micros / 1e6;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets[i].increment();
                return;
            }
        }
        buckets[BOUNDS.length].increment();
    }

    @Override
    public void writeTo(final StringBuilder out) {
        out.append("# HELP portcullis_fix_messages_total FIX application messages by session, direction and MsgType\n");
        out.append("# TYPE portcullis_fix_messages_total counter\n");
        new TreeMap<>(messages).forEach((key, count) -> {
            final String[] parts = key.split("\\|", 3);
            out.append("portcullis_fix_messages_total{session=\"").append(parts[0]).append("\",direction=\"")
                .append(parts[1]).append("\",msg_type=\"").append(parts[2]).append("\"} ").append(count.sum())
                .append('\n');
        });
        out.append("# HELP portcullis_order_ack_latency_seconds From order ingress to its ExecutionReport New leaving, "
            + "durable point included\n");
        out.append("# TYPE portcullis_order_ack_latency_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets[i].sum();
            out.append("portcullis_order_ack_latency_seconds_bucket{le=\"").append(BOUNDS[i]).append("\"} ")
                .append(cumulative).append('\n');
        }
        cumulative += buckets[BOUNDS.length].sum();
        out.append("portcullis_order_ack_latency_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append("portcullis_order_ack_latency_seconds_sum ").append(latencySumMicros.sum() / 1e6).append('\n');
        out.append("portcullis_order_ack_latency_seconds_count ").append(latencyCount.sum()).append('\n');
    }
}
