package io.langnghe.routing.warning;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.CaseVersionBytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The case changes the early warning weighs, read from {@code cases.v1}'s bytes: a version the case keeper
 * marked as only an assessment is skipped unread, and so is an unreadable one, logged ({@link CaseVersionBytes}:
 * the warning is advice, the case keeper already kept it); so is one that reads as an assessment
 * ({@link EarlyWarning#isAssessmentOnly}: records written before the header), and a deleted case. What is left
 * goes on as the few fields the warning weighs ({@link WeighedCase}).
 */
final class WeighedChanges implements FixedKeyProcessor<String, byte[], WarningInput> {

    private final CaseVersionBytes versions;
    private FixedKeyProcessorContext<String, WarningInput> context;

    WeighedChanges(Topic<String, CaseState> cases) {
        this.versions = new CaseVersionBytes(cases, "early warning");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WarningInput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        versions.read(record.key(), record.headers(), record.value())
                .filter(state -> !EarlyWarning.isAssessmentOnly(state))
                .ifPresent(state -> context.forward(record.withValue(WarningInput.of(WeighedCase.of(state)))));
    }
}
