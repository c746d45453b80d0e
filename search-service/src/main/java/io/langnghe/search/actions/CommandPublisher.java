package io.langnghe.search.actions;

import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.kafka.CommandSignature;
import io.langnghe.search.indexing.AcknowledgedProducer;
import io.langnghe.search.indexing.KafkaSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Puts officers' actions on {@code case.commands.v1}, keyed by case id so a case's commands stay
 * in order. Returns only once every in-sync replica has the command (acks=all, idempotent): an
 * officer told "accepted" never loses the action. Each command is signed ({@link CommandSignature}), so
 * routing-streams can tell a person's command given here from one written by anyone else.
 */
@Singleton
public class CommandPublisher implements AutoCloseable {

    private final AcknowledgedProducer<CaseCommand> producer;
    private final Counter sent;

    public CommandPublisher(KafkaSettings kafka, MeterRegistry metrics, LangngheSecrets secrets) {
        this.producer = new AcknowledgedProducer<>(kafka, kafka.topics().caseCommands(),
                new CommandSignature(secrets.get("commands")).signing(kafka.topics().caseCommands().valueSerde().serializer()));
        this.sent = metrics.counter("langnghe.search.commands.sent");
    }

    public void send(CaseCommand command) {
        producer.send(command.caseId(), command);
        sent.increment();
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
