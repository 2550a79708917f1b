package io.portcullis.reporting.fixlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./portcullis fixlog}.
 *
 * @param sessions  SessionIDs to show (any of them); empty for every session
 * @param from      the earliest TransactTime to show (inclusive), or null
 * @param to        the first TransactTime not to show (exclusive), or null
 * @param msgTypes  MsgType(35) values to show (any of them); empty for every type
 * @param clOrdId   a ClOrdID(11) or OrigClOrdID(41) the message must carry, or null
 * @param follow    keep printing messages as they are indexed
 * @param limit     at most this many messages (without --follow: the first ones; with it: the last ones before
 *                  following)
 * @param raw       print messages as stored, without names
 * @param config    a settings file, or null for the environment
 * @param help      print the usage and nothing else
 */
record FixLogOptions(List<String> sessions, Instant from, Instant to, List<String> msgTypes, String clOrdId,
                     boolean follow, int limit, boolean raw, String config, boolean help) {
    /** Messages printed without --limit (and without --follow). */
    static final int DEFAULT_LIMIT = 1_000;
    /** Messages printed before following without --limit. */
    static final int DEFAULT_FOLLOW_LIMIT = 20;

    static final String USAGE = """
        Usage: ./portcullis fixlog [--session SESSIONID]... [--from TIME] [--to TIME] [--msg-type TYPE]...
                                   [--clordid ID] [--limit N] [--follow] [--raw] [--config FILE]

        Shows the FIX messages the gateway sent and received (session-level ones too), as the audit trail holds them
        (the FIX_MESSAGE documents of the audit index in Elasticsearch), oldest first, one per line:
          TRANSACTTIME DIRECTION SESSIONID MESSAGE
        with each tag and value named by the session's dictionary (FIX 4.2, FIX 4.4, or FIXT 1.1 with FIX 5.0SP2),
        e.g. 35(MsgType)=D(NewOrderSingle)|54(Side)=1(BUY); '|' stands for SOH.

          --session SESSIONID   only this session, e.g. FIX.4.4:PORTCULLIS->BROKER1 (repeat for several)
          --from TIME           from this time on (inclusive): an ISO-8601 instant such as 2026-03-02T14:30:00Z or
                                2026-03-02T09:30:00-05:00, or a date (2026-03-02: from its start, UTC)
          --to TIME             up to this time: an instant (inclusive) or a date (the whole day, UTC)
          --msg-type TYPE       only this MsgType(35): a value such as D or 8, or a name such as NewOrderSingle or
                                ExecutionReport (repeat, or separate with commas, for several)
          --clordid ID          only messages whose ClOrdID(11) or OrigClOrdID(41) is ID
          --limit N             print at most N messages (default 1000; with --follow, the last N before
                                following, default 20; 0 to print only new ones)
          --follow, -f          keep printing messages as they are indexed, until Ctrl-C (not with --to)
          --raw                 print each message as stored, without names
          --config FILE         the gateway's settings file (es.url, audit.index-prefix); PORTCULLIS_* environment
                                variables override it
          --help                this text

        Messages reach the index asynchronously, normally within a second or two.
        Exit status: 0 done (also when nothing matches), 1 Elasticsearch unreachable or refused the search,
        2 bad usage (the message names the option).""";

    /** A bad command line; the message names the option. */
    static final class BadUsage extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        BadUsage(final String message) {
            super(message);
        }
    }

    /** Copies the lists. */
    FixLogOptions {
        sessions = List.copyOf(sessions);
        msgTypes = List.copyOf(msgTypes);
    }

    /**
     * Parses the arguments.
     *
     * @param dictionaries resolve --msg-type names
     * @throws BadUsage naming the option at fault
     */
    static FixLogOptions parse(final List<String> args, final FixDictionaries dictionaries) {
        final List<String> rest = new ArrayList<>(args);
        final List<String> sessions = new ArrayList<>();
        final List<String> msgTypes = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        String clOrdId = null;
        boolean follow = false;
        boolean raw = false;
        Integer limit = null;
        String config = null;
        while (!rest.isEmpty()) {
            final String option = rest.remove(0);
            switch (option) {
                case "--help", "-h" -> {
                    return new FixLogOptions(List.of(), null, null, List.of(), null, false, 0, false, null, true);
                }
                case "--session" -> sessions.add(value(option, rest));
                case "--from" -> from = time(option, value(option, rest), false);
                case "--to" -> to = time(option, value(option, rest), true);
                case "--msg-type" -> {
                    for (final String typed : value(option, rest).split(",")) {
                        msgTypes.add(dictionaries.msgType(typed.trim()).orElseThrow(() -> new BadUsage(
                            "--msg-type: unknown message type '" + typed.trim() + "' (give a MsgType(35) value such"
                                + " as D or 8, or a name such as NewOrderSingle)")));
                    }
                }
                case "--clordid" -> clOrdId = value(option, rest);
                case "--limit" -> {
                    final String value = value(option, rest);
                    if (!value.matches("[0-9]{1,7}") || Integer.parseInt(value) > 1_000_000) {
                        throw new BadUsage("--limit takes a number of messages from 0 to 1000000, was '" + value
                            + "'");
                    }
                    limit = Integer.parseInt(value);
                }
                case "--follow", "-f" -> follow = true;
                case "--raw" -> raw = true;
                case "--config" -> config = value(option, rest);
                default -> throw new BadUsage("unknown option '" + option + "'");
            }
        }
        if (follow && to != null) {
            throw new BadUsage("--to cannot be used with --follow (following has no end)");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadUsage("--from (" + from + ") must be before --to (" + to + ")");
        }
        final int effectiveLimit = limit != null ? limit : follow ? DEFAULT_FOLLOW_LIMIT : DEFAULT_LIMIT;
        return new FixLogOptions(sessions, from, to, msgTypes, clOrdId, follow, effectiveLimit, raw, config, false);
    }

    private static String value(final String option, final List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--") || rest.get(0).isBlank()) {
            throw new BadUsage(option + " takes a value");
        }
        return rest.remove(0);
    }

    /** An instant, or a date: its start (for --from) or the start of the next day (for --to, exclusive). */
    private static Instant time(final String option, final String value, final boolean end) {
        try {
            if (value.length() == 10) {
                final LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            final Instant instant = OffsetDateTime.parse(value).toInstant();
            // An instant given for --to is inclusive: the range ends one nanosecond after it.
            return end ? instant.plusNanos(1) : instant;
        } catch (final DateTimeParseException ex) {
            throw new BadUsage(option + " takes an ISO-8601 instant with its offset (2026-03-02T14:30:00Z, "
                + "2026-03-02T09:30:00-05:00) or a date (2026-03-02), was '" + value + "'");
        }
    }
}
