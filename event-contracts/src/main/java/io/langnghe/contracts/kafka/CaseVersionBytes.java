package io.langnghe.contracts.kafka;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A version of {@code cases.v1} read from its bytes by a reader that does not weigh the early warning's
 * assessment (the notification planner, the early warning itself): a version the case keeper marked as only an
 * assessment ({@link CaseState#CHANGE_HEADER}) is skipped unread, and one that cannot be read is logged and
 * skipped, since the case keeper has kept the case and these readers only advise. A deleted case (no bytes) is
 * the caller's to pass on or to drop.
 */
public final class CaseVersionBytes {

    private static final Logger LOG = LoggerFactory.getLogger(CaseVersionBytes.class);

    private final String topic;
    private final Deserializer<CaseState> json;
    private final String reader;

    /** @param reader who reads, for the log line of a record skipped as unreadable */
    public CaseVersionBytes(Topic<String, CaseState> cases, String reader) {
        this.topic = cases.name();
        this.json = cases.valueSerde().deserializer();
        this.reader = reader;
    }

    /** The version, or empty when it only carries an assessment or cannot be read. */
    public Optional<CaseState> read(String caseId, Headers headers, byte[] value) {
        if (CaseState.isAssessmentChange(headers)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.deserialize(topic, headers, value));
        } catch (SerializationException e) {
            LOG.error("{} skipped an unreadable case {}: {}", reader, caseId, e.getMessage());
            return Optional.empty();
        }
    }
}
