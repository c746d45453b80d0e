package io.langnghe.ingest.intake;

import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Writes petitions to {@code <prefix>.feedback.received.v1}, keyed by feedback id, and returns only
 * when every in-sync replica has the record (acks=all, idempotent producer: {@link IntakeProducer}).
 */
@Singleton
public class FeedbackPublisher {

    private final Topic<String, FeedbackReceived> topic;
    private final IntakeProducer producer;

    public FeedbackPublisher(@Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix, IntakeProducer producer) {
        this.topic = Topics.withPrefix(topicsPrefix).feedbackReceived();
        this.producer = producer;
    }

    public String topicName() {
        return topic.name();
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws IntakeUnavailableException when Kafka does not acknowledge in time
     */
    public RecordMetadata publish(FeedbackReceived feedback) {
        return producer.await(publishAsync(feedback));
    }

    /** Completes once every in-sync replica has the petition, or with an {@link IntakeUnavailableException}. */
    public CompletableFuture<RecordMetadata> publishAsync(FeedbackReceived feedback) {
        return producer.writeAsync(topic, feedback.feedbackId(), feedback, "petition " + feedback.feedbackId());
    }
}
