package io.portcullis.bench.risk;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;

/**
 * The pre-generated orders of the benchmark, one column per field (a power-of-two count, so the cursor wraps with a
 * mask). Built once per trial by {@link RiskWorld}; read-only afterwards.
 */
final class OrderMix {

    final Account[] accounts;
    final Instrument[] instruments;
    final int size;
    final boolean[] replace;
    final long[] orderId;
    final String[] session;
    final int[] account;
    final int[] symbol;
    final Side[] side;
    final OrdType[] type;
    final long[] qty;
    final long[] cumQty;
    final long[] previousQty;
    final long[] price;
    final long[] stopPx;
    final long[] previousPrice;
    final long[] previousStopPx;
    final String[] locateId;

    OrderMix(final Account[] accounts, final Instrument[] instruments, final int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size: a power of two, was " + size);
        }
        this.accounts = accounts;
        this.instruments = instruments;
        this.size = size;
        replace = new boolean[size];
        orderId = new long[size];
        session = new String[size];
        account = new int[size];
        symbol = new int[size];
        side = new Side[size];
        type = new OrdType[size];
        qty = new long[size];
        cumQty = new long[size];
        previousQty = new long[size];
        price = new long[size];
        stopPx = new long[size];
        previousPrice = new long[size];
        previousStopPx = new long[size];
        locateId = new String[size];
    }
}
