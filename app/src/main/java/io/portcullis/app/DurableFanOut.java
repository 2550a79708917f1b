package io.portcullis.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.oms.runner.DurableRecordListener;

/**
 * Passes every durable journal record to the listeners registered so far (the FIX order layer's outbound path,
 * market data), in journal order, on the journal's I/O thread. Registration may happen after the engine started;
 * a listener registered late misses earlier records (the order layer re-reads the journal for those).
 */
final class DurableFanOut implements DurableRecordListener {
    private final List<DurableRecordListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong records = new AtomicLong();

    void register(final DurableRecordListener listener) {
        listeners.add(listener);
    }

    /** Durable records seen since start. */
    long records() {
        return records.get();
    }

    @Override
    public void onDurable(final long sequence, final long offset, final byte[] record) {
        records.incrementAndGet();
        for (final DurableRecordListener listener : listeners) {
            listener.onDurable(sequence, offset, record);
        }
    }
}
