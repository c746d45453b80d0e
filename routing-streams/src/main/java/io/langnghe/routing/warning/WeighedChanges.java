package io.langnghe.routing.warning;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case changes the early warning weighs, read from {@code cases.v1}'s bytes: a version the case keeper
 * marked as only an assessment ({@link CaseState#CHANGE_HEADER}) is skipped unread, and so is one that reads as
 * an assessment ({@link EarlyWarning#isAssessmentOnly}: records written before the header), and a deleted case.
 * A record that cannot be read is logged and skipped: the warning is advice, the case keeper already kept it.
 */
final class WeighedChanges implements FixedKeyProcessor<String, byte[], WarningInput> {

    private static final Logger LOG = LoggerFactory.getLogger(WeighedChanges.class);

    private final Topic<String, CaseState> cases;
    private FixedKeyProcessorContext<String, WarningInput> context;

    WeighedChanges(Topic<String, CaseState> cases) {
        this.cases = cases;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WarningInput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null || CaseState.isAssessmentChange(record.headers())) {
            return;
        }
        CaseState state;
        try {
            state = cases.valueSerde().deserializer().deserialize(cases.name(), record.headers(), record.value());
        } catch (SerializationException e) {
            LOG.error("early warning skipped an unreadable case {}: {}", record.key(), e.getMessage());
            return;
        }
        if (state != null && !EarlyWarning.isAssessmentOnly(state)) {
            context.forward(record.withValue(WarningInput.of(state)));
        }
    }
}
