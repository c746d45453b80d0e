package io.langnghe.search.alerts;

import io.langnghe.contracts.AlertAck;
import io.langnghe.search.indexing.AcknowledgedProducer;
import io.langnghe.search.indexing.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Puts acknowledgements on {@code alert.acks.v1}, keyed by the alert's subject (so compaction keeps
 * the latest per subject), and returns only once every in-sync replica has it: the early warning
 * then stays quiet about that subject until it worsens.
 */
@Singleton
public class AlertAckPublisher implements AutoCloseable {

    private final AcknowledgedProducer<AlertAck> producer;

    public AlertAckPublisher(KafkaSettings kafka) {
        this.producer = new AcknowledgedProducer<>(kafka, kafka.topics().alertAcks());
    }

    public void send(AlertAck ack) {
        producer.send(ack.subject(), ack);
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
