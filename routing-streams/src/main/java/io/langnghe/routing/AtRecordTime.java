package io.langnghe.routing;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

import java.time.Instant;
import java.util.function.BiFunction;

/** A mapValues that also sees the record's timestamp, the time the stream stamps on what it decides. */
final class AtRecordTime<V, R> implements FixedKeyProcessor<String, V, R> {

    private final BiFunction<V, Instant, R> mapper;
    private FixedKeyProcessorContext<String, R> context;

    private AtRecordTime(BiFunction<V, Instant, R> mapper) {
        this.mapper = mapper;
    }

    static <V, R> FixedKeyProcessorSupplier<String, V, R> atRecordTime(BiFunction<V, Instant, R> mapper) {
        return () -> new AtRecordTime<>(mapper);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, R> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        context.forward(record.withValue(mapper.apply(record.value(), Instant.ofEpochMilli(record.timestamp()))));
    }
}
