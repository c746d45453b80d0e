package io.langnghe.routing.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.routing.DeadLetters;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads the bytes of {@code feedback.received.v1} as a petition. A record that is not a petition
 * (not JSON, no id, no text, keyed by something else than its feedback id) becomes a dead letter
 * that keeps its key and bytes whole, with the error, so nothing is dropped and the stream goes on.
 */
public final class ReadPetition implements FixedKeyProcessor<String, byte[], Reading> {

    private final Clock clock;
    private FixedKeyProcessorContext<String, Reading> context;

    public ReadPetition(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Reading> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Reading reading;
        try {
            reading = Reading.of(read(record.key(), record.value()));
        } catch (UnreadablePetition e) {
            reading = Reading.unreadable(DeadLetters.of(context, record, e.getMessage(), clock));
        }
        context.forward(record.withValue(reading));
    }

    private static FeedbackReceived read(String key, byte[] value) {
        if (value == null) {
            throw new UnreadablePetition("the record has no value");
        }
        FeedbackReceived petition;
        try {
            petition = Json.mapper().readValue(value, FeedbackReceived.class);
        } catch (JsonProcessingException e) {
            throw new UnreadablePetition("not a FeedbackReceived: " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadablePetition("not a FeedbackReceived: " + e.getMessage());
        }
        if (petition == null) {
            throw new UnreadablePetition("the value is JSON null");
        }
        if (petition.feedbackId() == null || petition.feedbackId().isBlank()) {
            throw new UnreadablePetition("feedbackId is missing");
        }
        if (petition.text() == null || petition.text().isBlank()) {
            throw new UnreadablePetition("text is missing or empty");
        }
        // The case is keyed by its id, which is the feedback id: a different key would split one case in two.
        if (!Objects.equals(key, petition.feedbackId())) {
            throw new UnreadablePetition("the record key " + key + " is not the feedbackId " + petition.feedbackId());
        }
        return petition;
    }

    private static final class UnreadablePetition extends RuntimeException {
        UnreadablePetition(String message) {
            super(message, null, false, false);
        }
    }
}
