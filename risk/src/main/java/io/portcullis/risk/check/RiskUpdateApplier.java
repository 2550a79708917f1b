package io.portcullis.risk.check;

import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.Locate;

/**
 * Applies one decoded {@link RiskChange} to the risk engine's tables. A change that cannot apply (malformed body,
 * unknown version, a broker firm, account or symbol this engine does not have) is refused and changes nothing: the
 * engine answers it with an admin reject ({@code RISK_UPDATE_REFUSED}). Engine thread only; allocates (decoding).
 */
final class RiskUpdateApplier {

    private final Universe universe;
    private final LimitTable limits;
    private final SymbolLists lists;
    private final Locates locates;
    private final KillSwitches kills;
    private final Sessions sessions;

    RiskUpdateApplier(final Universe universe, final LimitTable limits, final SymbolLists lists,
                      final Locates locates, final KillSwitches kills, final Sessions sessions) {
        this.universe = universe;
        this.limits = limits;
        this.lists = lists;
        this.locates = locates;
        this.kills = kills;
        this.sessions = sessions;
    }

    RejectCode apply(final RiskUpdate update) {
        final RiskChange change;
        try {
            change = RiskUpdates.decode(update.body());
        } catch (final IllegalArgumentException malformed) {
            return RejectCode.RISK_UPDATE_REFUSED;
        }
        final boolean applied = switch (change) {
            case RiskChange.SetLimit c -> putLimit(c.key(), c.value());
            case RiskChange.RemoveLimit c -> putLimit(c.key(), LimitTable.UNSET);
            case RiskChange.ListEntry c -> listEntry(c);
            case RiskChange.AddLocate c -> addLocate(c.locate());
            case RiskChange.KillSwitch c -> killSwitch(c);
        };
        return applied ? RejectCode.NONE : RejectCode.RISK_UPDATE_REFUSED;
    }

    private boolean putLimit(final LimitKey key, final long value) {
        int index = 0;
        int symbol = 0;
        switch (key.scope()) {
            case FIRM -> {
            }
            case BROKER_FIRM -> index = universe.broker(key.scopeKey());
            case ACCOUNT -> index = universe.account(key.scopeKey());
            case SYMBOL -> {
                index = universe.account(key.scopeKey());
                symbol = universe.symbol(key.symbol());
            }
        }
        if (index < 0 || symbol < 0) {
            return false;
        }
        limits.put(key.scope(), index, symbol, key.name().ordinal(), value);
        return true;
    }

    private boolean listEntry(final RiskChange.ListEntry c) {
        final int symbol = universe.symbol(c.symbol());
        final int account = LimitKey.ANY.equals(c.scopeKey()) ? -1 : universe.account(c.scopeKey());
        if (symbol < 0 || (account < 0 && !LimitKey.ANY.equals(c.scopeKey()))) {
            return false;
        }
        lists.put(c.list(), account, symbol, c.present());
        return true;
    }

    private boolean addLocate(final Locate locate) {
        final int account = universe.account(locate.account());
        final int symbol = universe.symbol(locate.symbol());
        if (account < 0 || symbol < 0) {
            return false;
        }
        locates.add(locate.locateId(), account, symbol, locate.quantity());
        return true;
    }

    private boolean killSwitch(final RiskChange.KillSwitch c) {
        final String key = c.key();
        switch (c.scope()) {
            case FIRM -> kills.setFirm(c.engaged());
            case SESSION -> sessions.kill(key, c.engaged());
            case BROKER_FIRM -> {
                return set(kills.brokers(), universe.broker(key), c.engaged());
            }
            case ACCOUNT -> {
                return set(kills.accounts(), universe.account(key), c.engaged());
            }
            case SYMBOL -> {
                return set(kills.symbols(), universe.symbol(key), c.engaged());
            }
        }
        return true;
    }

    private boolean set(final boolean[] flags, final int index, final boolean engaged) {
        if (index < 0) {
            return false;
        }
        kills.set(flags, index, engaged);
        return true;
    }
}
