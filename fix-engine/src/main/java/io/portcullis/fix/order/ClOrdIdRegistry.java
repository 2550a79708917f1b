package io.portcullis.fix.order;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every ClOrdID(11) each session used in the current trading day, for the duplicate check the engine cannot make
 * (it knows only live orders). Thread-safe: each session's messages arrive on one session thread, the registry is
 * shared by all of them. Memory: one string per message with a ClOrdID, released when the session's trading day
 * changes. In memory only: after a restart the engine's live-order check remains (see the package documentation).
 */
final class ClOrdIdRegistry {
    private final ConcurrentHashMap<String, Day> sessions = new ConcurrentHashMap<>();

    private record Day(LocalDate date, Set<String> ids) {
    }

    /**
     * Records a ClOrdID.
     *
     * @return true when it is new for this session and trading day, false when it was seen before
     */
    boolean firstSighting(final String session, final LocalDate tradingDay, final String clOrdId) {
        return day(session, tradingDay).ids().add(clOrdId);
    }

    /** @return true when the ClOrdID was seen this trading day on this session */
    boolean seen(final String session, final LocalDate tradingDay, final String clOrdId) {
        return day(session, tradingDay).ids().contains(clOrdId);
    }

    /** Forgets a ClOrdID whose message never reached the engine (engine busy), so the client may send it again. */
    void forget(final String session, final LocalDate tradingDay, final String clOrdId) {
        day(session, tradingDay).ids().remove(clOrdId);
    }

    private Day day(final String session, final LocalDate tradingDay) {
        return sessions.compute(session, (key, day) -> day != null && day.date().equals(tradingDay) ? day
            : new Day(tradingDay, ConcurrentHashMap.newKeySet()));
    }
}
