package io.portcullis.backoffice.fees;

import static io.portcullis.sql.schema.Tables.COMMISSION_SCHEDULE;
import static io.portcullis.sql.schema.Tables.FEE_FINRA_TAF;
import static io.portcullis.sql.schema.Tables.FEE_SEC_SECTION31;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jooq.DSLContext;

/**
 * The effective-dated fee tables: Section 31 rates, TAF rates and commission schedules, each looked up by trade date
 * (the row with the latest {@code effective_from} on or before it). Immutable and thread-safe.
 */
public final class FeeSchedule {
    private final NavigableMap<LocalDate, Section31Rate> section31 = new TreeMap<>();
    private final NavigableMap<LocalDate, TafRate> taf = new TreeMap<>();
    private final Map<String, NavigableMap<LocalDate, CommissionSchedule>> commissions = new HashMap<>();

    private FeeSchedule(final List<Section31Rate> section31Rates, final List<TafRate> tafRates,
                        final List<CommissionSchedule> schedules) {
        for (final Section31Rate rate : section31Rates) {
            if (section31.put(rate.effectiveFrom(), rate) != null) {
                throw new IllegalArgumentException("two Section 31 rates from " + rate.effectiveFrom());
            }
        }
        for (final TafRate rate : tafRates) {
            if (taf.put(rate.effectiveFrom(), rate) != null) {
                throw new IllegalArgumentException("two TAF rates from " + rate.effectiveFrom());
            }
        }
        for (final CommissionSchedule schedule : schedules) {
            if (commissions.computeIfAbsent(schedule.accountId(), account -> new TreeMap<>())
                .put(schedule.effectiveFrom(), schedule) != null) {
                throw new IllegalArgumentException("two commission schedules for " + schedule.accountId() + " from "
                    + schedule.effectiveFrom());
            }
        }
    }

    /** A schedule from rows (unit tests). */
    public static FeeSchedule of(final List<Section31Rate> section31Rates, final List<TafRate> tafRates,
                                 final List<CommissionSchedule> schedules) {
        return new FeeSchedule(section31Rates, tafRates, schedules);
    }

    /** Loads every row of the three V11 tables. */
    public static FeeSchedule load(final DSLContext dsl) {
        final List<Section31Rate> section31Rates = new ArrayList<>();
        dsl.selectFrom(FEE_SEC_SECTION31).forEach(row -> section31Rates.add(new Section31Rate(row.getEffectiveFrom(),
            row.getRatePerMillion(), row.getVerified(), row.getSource())));
        final List<TafRate> tafRates = new ArrayList<>();
        dsl.selectFrom(FEE_FINRA_TAF).forEach(row -> tafRates.add(new TafRate(row.getEffectiveFrom(),
            row.getPerShare(), row.getMaxPerTrade(), row.getVerified(), row.getSource())));
        final List<CommissionSchedule> schedules = new ArrayList<>();
        dsl.selectFrom(COMMISSION_SCHEDULE).forEach(row -> schedules.add(new CommissionSchedule(row.getAccountId(),
            row.getEffectiveFrom(), row.getPerShare(), row.getBps(), row.getMinimum(), row.getNote())));
        return new FeeSchedule(section31Rates, tafRates, schedules);
    }

    /**
     * The Section 31 rate in force on {@code tradeDate}.
     *
     * @throws RateUnavailableException when none is, or the one in force has no figure yet
     */
    public Section31Rate section31(final LocalDate tradeDate) {
        final Map.Entry<LocalDate, Section31Rate> entry = section31.floorEntry(tradeDate);
        if (entry == null) {
            throw new RateUnavailableException(FeeKind.SEC_SECTION_31, tradeDate, "no rate effective on or before it");
        }
        if (entry.getValue().ratePerMillion() == null) {
            throw new RateUnavailableException(FeeKind.SEC_SECTION_31, tradeDate, "the rate effective "
                + entry.getKey() + " has no verified figure (" + entry.getValue().source() + ")");
        }
        return entry.getValue();
    }

    /**
     * The TAF rate in force on {@code tradeDate}.
     *
     * @throws RateUnavailableException when none is, or the one in force has no figures yet
     */
    public TafRate taf(final LocalDate tradeDate) {
        final Map.Entry<LocalDate, TafRate> entry = taf.floorEntry(tradeDate);
        if (entry == null) {
            throw new RateUnavailableException(FeeKind.FINRA_TAF, tradeDate, "no rate effective on or before it");
        }
        if (entry.getValue().perShare() == null || entry.getValue().maxPerTrade() == null) {
            throw new RateUnavailableException(FeeKind.FINRA_TAF, tradeDate, "the rate effective " + entry.getKey()
                + " has no verified figures (" + entry.getValue().source() + ")");
        }
        return entry.getValue();
    }

    /**
     * The commission schedule of {@code accountId} on {@code tradeDate}: its own, else the default ("*") one.
     *
     * @throws RateUnavailableException when neither is in force
     */
    public CommissionSchedule commission(final String accountId, final LocalDate tradeDate) {
        for (final String key : List.of(accountId, CommissionSchedule.DEFAULT_ACCOUNT)) {
            final NavigableMap<LocalDate, CommissionSchedule> byDate = commissions.get(key);
            if (byDate != null && byDate.floorEntry(tradeDate) != null) {
                return byDate.floorEntry(tradeDate).getValue();
            }
        }
        throw new RateUnavailableException(FeeKind.COMMISSION, tradeDate, "no commission schedule for account "
            + accountId + " and no default ('*') schedule");
    }
}
