package io.langnghe.routing;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.routing.cases.CaseOpening;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/** A record set aside, whole (key and bytes), with where it came from and why. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DeadLetter of(FixedKeyProcessorContext<?, ?> context, FixedKeyRecord<String, byte[]> record, String error, Clock clock) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                source.topic(),
                source.partition(),
                source.offset(),
                record.key() == null ? null : base64(record.key().getBytes(StandardCharsets.UTF_8)),
                record.value() == null ? null : base64(record.value()),
                error,
                CaseOpening.ACTOR,
                clock.instant());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
