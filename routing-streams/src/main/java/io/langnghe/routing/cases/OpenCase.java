package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.SpikeInForce;
import io.langnghe.routing.intake.Routed;
import io.langnghe.routing.warning.SpikesInForce;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Instant;

/** Opens the case of a routed petition at its record's time, with the spikes in force of the global table. */
public final class OpenCase implements FixedKeyProcessor<String, Routed, CaseState> {

    private final CaseOpening opening;
    private FixedKeyProcessorContext<String, CaseState> context;
    private SpikesInForce.Seen spikes;

    public OpenCase(CaseOpening opening) {
        this.opening = opening;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CaseState> context) {
        this.context = context;
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<SpikeInForce>> table = context.getStateStore(SpikesInForce.STORE);
        this.spikes = SpikesInForce.readFrom(table);
    }

    @Override
    public void process(FixedKeyRecord<String, Routed> record) {
        Routed routed = record.value();
        context.forward(record.withValue(opening.open(routed.petition(), routed.routing(), Instant.ofEpochMilli(record.timestamp()), spikes)));
    }
}
