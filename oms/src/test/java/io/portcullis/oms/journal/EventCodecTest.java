package io.portcullis.oms.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.RecordingListener;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    @Test
    void everyEventTheEngineEmitsDecodesToTheSameEventInTheSameOrder() {
        final EventEncoder encoder = new EventEncoder();
        final RecordingListener live = new RecordingListener();
        final OrderEngine engine = new OrderEngine(RandomFlow.config().listener(new TeeListener(encoder, live)));
        final RandomFlow flow = new RandomFlow(42);
        final RecordingListener decoded = new RecordingListener();
        long events = 0;

        for (int i = 0; i < 20_000; i++) {
            final Command command = flow.next();
            live.clear();
            decoded.clear();
            engine.apply(command);
            EventDecoder.decode(encoder.buffer().array(), 0, encoder.buffer().length(), decoded);

            assertThat(decoded.events()).as("command %d: %s", i, command).isEqualTo(live.events());
            events += live.events().size();
        }
        assertThat(events).as("the flow must exercise the codec").isGreaterThan(50_000);
        assertThat(engine.lastSequence()).isEqualTo(20_000);
    }

    @Test
    void aRecordCarriesItsCommandAndEventsThroughEncodeAndDecode() {
        final EventEncoder encoder = new EventEncoder();
        final OrderEngine engine = new OrderEngine(RandomFlow.config().listener(encoder));
        final Command command = new RandomFlow(7).next();
        engine.apply(command);
        final byte[] commandBytes = io.portcullis.oms.command.CommandCodec.encode(command);
        final WireBuffer out = new WireBuffer(16);

        JournalRecord.encode(command.sequence(), command.timestamp(), commandBytes, commandBytes.length, encoder, out);
        final JournalRecord record = JournalRecord.decode(out.toByteArray());

        assertThat(record.sequence()).isEqualTo(command.sequence());
        assertThat(record.timestamp()).isEqualTo(command.timestamp());
        assertThat(io.portcullis.oms.command.CommandCodec.decode(record.command())).isEqualTo(command);
        assertThat(record.eventCount()).isEqualTo(encoder.eventCount()).isPositive();
        assertThat(record.events()).isEqualTo(encoder.buffer().toByteArray());
    }
}
