package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.CaseVersionBytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The case versions the planner and the contact retention read, from {@code cases.v1}'s bytes: a version the
 * case keeper marked as only an assessment (issue and risk, which neither weighs) is skipped unread, and so is an
 * unreadable one, logged ({@link CaseVersionBytes}); a deleted case is passed on as null.
 */
final class CaseVersions implements FixedKeyProcessor<String, byte[], CaseState> {

    private final CaseVersionBytes versions;
    private FixedKeyProcessorContext<String, CaseState> context;

    CaseVersions(Topic<String, CaseState> cases) {
        this.versions = new CaseVersionBytes(cases, "notification planner");
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
        versions.read(record.key(), record.headers(), record.value()).ifPresent(state -> context.forward(record.withValue(state)));
    }
}
