package io.portcullis.bench.risk;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.risk.PreTradeOrder;

/**
 * The order view the benchmark hands the risk engine, like the engine's own flyweight: one reused instance loaded
 * from a pre-built column of the mix before every check, so loading it costs a handful of array reads and nothing
 * is allocated. Benchmark thread only.
 */
final class BenchOrder implements PreTradeOrder {

    private final OrderMix mix;
    private int i;
    private long timestamp;

    BenchOrder(final OrderMix mix) {
        this.mix = mix;
    }

    /** Points the view at entry {@code index} of the mix, stamped {@code time}. */
    void load(final int index, final long time) {
        this.i = index;
        this.timestamp = time;
    }

    @Override
    public boolean isReplace() {
        return mix.replace[i];
    }

    @Override
    public long orderId() {
        return mix.orderId[i];
    }

    @Override
    public String sessionId() {
        return mix.session[i];
    }

    @Override
    public String clOrdId() {
        return "BENCH";
    }

    @Override
    public Account account() {
        return mix.accounts[mix.account[i]];
    }

    @Override
    public Instrument instrument() {
        return mix.instruments[mix.symbol[i]];
    }

    @Override
    public Side side() {
        return mix.side[i];
    }

    @Override
    public OrdType ordType() {
        return mix.type[i];
    }

    @Override
    public TimeInForce tif() {
        return TimeInForce.DAY;
    }

    @Override
    public long orderQty() {
        return mix.qty[i];
    }

    @Override
    public long cumQty() {
        return mix.cumQty[i];
    }

    @Override
    public long previousOrderQty() {
        return mix.previousQty[i];
    }

    @Override
    public long price() {
        return mix.price[i];
    }

    @Override
    public long stopPx() {
        return mix.stopPx[i];
    }

    @Override
    public long previousPrice() {
        return mix.previousPrice[i];
    }

    @Override
    public long previousStopPx() {
        return mix.previousStopPx[i];
    }

    @Override
    public String locateId() {
        return mix.locateId[i];
    }

    @Override
    public int accountIndex() {
        return mix.account[i];
    }

    @Override
    public int symbolIndex() {
        return mix.symbol[i];
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long sequence() {
        return i;
    }
}
