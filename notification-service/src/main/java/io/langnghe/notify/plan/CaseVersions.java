package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case versions the planner and the contact retention read, from {@code cases.v1}'s bytes: a version the
 * case keeper marked as only an assessment ({@link CaseState#CHANGE_HEADER}: issue and risk, which neither weighs)
 * is skipped unread; the rest are read as before, a deleted case passed on as null. A record that cannot be read
 * is logged and skipped, as the service's deserialization handler did when the topic was read as JSON.
 */
final class CaseVersions implements FixedKeyProcessor<String, byte[], CaseState> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseVersions.class);

    private final Topic<String, CaseState> cases;
    private FixedKeyProcessorContext<String, CaseState> context;

    CaseVersions(Topic<String, CaseState> cases) {
        this.cases = cases;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CaseState> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            context.forward(record.withValue(null));
            return;
        }
        if (CaseState.isAssessmentChange(record.headers())) {
            return;
        }
        CaseState state;
        try {
            state = cases.valueSerde().deserializer().deserialize(cases.name(), record.headers(), record.value());
        } catch (SerializationException e) {
            LOG.error("notification planner skipped an unreadable case {}: {}", record.key(), e.getMessage());
            return;
        }
        context.forward(record.withValue(state));
    }
}
