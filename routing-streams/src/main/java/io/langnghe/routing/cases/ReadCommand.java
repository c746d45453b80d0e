package io.langnghe.routing.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.routing.DeadLetters;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads the bytes of {@code case.commands.v1} as a command; what is not one (not JSON, no type, keyed
 * by something else than its case id), and a command whose actor does not fit its writer (a LEADER's
 * close that search-service did not sign: {@link CommandAuthority}), becomes a dead letter with the
 * reason, and the stream goes on.
 */
public final class ReadCommand implements FixedKeyProcessor<String, byte[], ReadCommand.Read> {

    /** Either a command or the dead letter that says why not. */
    public record Read(CaseCommand command, DeadLetter deadLetter) {
        public boolean isReadable() {
            return command != null;
        }
    }

    private final Clock clock;
    private final CommandAuthority authority;
    private FixedKeyProcessorContext<String, Read> context;

    public ReadCommand(Clock clock, CommandAuthority authority) {
        this.clock = clock;
        this.authority = authority;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Read> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Read read;
        try {
            CaseCommand command = read(record.key(), record.value());
            authority.refusal(command, record.headers(), record.value()).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
            read = new Read(command, null);
        } catch (IllegalArgumentException e) {
            read = new Read(null, DeadLetters.of(context, record, e.getMessage(), clock));
        }
        context.forward(record.withValue(read));
    }

    private static CaseCommand read(String key, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        CaseCommand command;
        try {
            command = Json.mapper().readValue(value, CaseCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CaseCommand: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a CaseCommand: " + e.getMessage());
        }
        if (command == null || command.type() == null || command.caseId() == null || command.commandId() == null) {
            throw new IllegalArgumentException("a command needs commandId, caseId and type");
        }
        // Commands are keyed by case id so that they meet their case in the same partition and store.
        if (!Objects.equals(key, command.caseId())) {
            throw new IllegalArgumentException("the record key " + key + " is not the caseId " + command.caseId());
        }
        return command;
    }
}
