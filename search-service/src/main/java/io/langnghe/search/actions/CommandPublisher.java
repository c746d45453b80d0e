package io.langnghe.search.actions;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.Topic;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts officers' actions on {@code case.commands.v1}, keyed by case id so a case's commands stay
 * in order. Returns only once every in-sync replica has the command (acks=all, idempotent): an
 * officer told "accepted" never loses the action.
 */
@Singleton
public class CommandPublisher implements AutoCloseable {

    private static final long ACK_WAIT_SECONDS = 15;

    private final Topic<String, CaseCommand> topic;
    private final KafkaProducer<String, CaseCommand> producer;
    private final Counter sent;

    public CommandPublisher(KafkaSettings kafka, MeterRegistry metrics) {
        this.topic = kafka.topics().caseCommands();
        this.producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        this.sent = metrics.counter("langnghe.search.commands.sent");
    }

    public void send(CaseCommand command) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), command.caseId(), command)).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
            sent.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.commandsUnavailable(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ProblemException(Problem.commandsUnavailable(), e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
