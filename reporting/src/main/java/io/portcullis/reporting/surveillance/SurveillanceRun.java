package io.portcullis.reporting.surveillance;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * One surveillance pass over a trading day: 00:00 to 24:00 New York of the audit alias, every detector fed in one
 * walk. One thread; memory is one page of documents plus the detectors' per account and symbol state.
 */
final class SurveillanceRun {
    /** The market's time zone. */
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The regular close. */
    static final LocalTime CLOSE = LocalTime.of(16, 0);

    private final SurveillanceSettings settings;
    private final UnaryOperator<String> owners;

    /**
     * @param settings the thresholds
     * @param owners   account to beneficial owner
     */
    SurveillanceRun(final SurveillanceSettings settings, final UnaryOperator<String> owners) {
        this.settings = settings;
        this.owners = owners;
    }

    /**
     * What a run found.
     *
     * @param documents documents read (-1 when the alias does not exist)
     * @param alerts    alerts, by pattern, account, symbol
     */
    record Result(long documents, List<Alert> alerts) {
    }

    /**
     * Runs the detectors over a day.
     *
     * @param es    the client
     * @param alias the audit alias
     * @param day   the trading day
     * @return the alerts
     * @throws IOException when Elasticsearch cannot be reached
     */
    Result run(final ElasticsearchClient es, final String alias, final LocalDate day) throws IOException {
        final Instant from = day.atStartOfDay(NEW_YORK).toInstant();
        final Instant to = day.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
        final Instant close = day.atTime(CLOSE).atZone(NEW_YORK).toInstant();
        final List<Detector> detectors = List.of(new LayeringDetector(settings),
            new WashTradeDetector(settings, owners),
            new MarkingTheCloseDetector(settings, close.getEpochSecond() * 1_000_000_000L));
        final long read = new SurveillanceWalk(es, alias, settings.pageSize(), 5).walk(from, to, doc -> {
            for (final Detector detector : detectors) {
                detector.accept(doc);
            }
        });
        final List<Alert> alerts = new ArrayList<>();
        for (final Detector detector : detectors) {
            alerts.addAll(detector.finish());
        }
        alerts.sort(Comparator.comparing(Alert::pattern).thenComparing(Alert::account)
            .thenComparing(Alert::symbol));
        return new Result(read, List.copyOf(alerts));
    }
}
