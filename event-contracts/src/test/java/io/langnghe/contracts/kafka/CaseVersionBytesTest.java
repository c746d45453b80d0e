package io.langnghe.contracts.kafka;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the notification planner and the early warning make of a {@code cases.v1} record's bytes. */
class CaseVersionBytesTest {

    private final CaseVersionBytes versions = new CaseVersionBytes(Topics.withPrefix("langnghe").cases(), "a test");

    @Test
    void readsAVersionWithoutTheChangeHeaderAsBefore() throws IOException {
        assertThat(versions.read("case-7f3a", new RecordHeaders(), written()))
                .hasValueSatisfying(c -> assertThat(c.caseId()).isEqualTo("case-7f3a"));
    }

    @Test
    void skipsAVersionMarkedAsOnlyAnAssessment() throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CaseState.CHANGE_HEADER, CaseState.ASSESSMENT_CHANGE.getBytes(StandardCharsets.UTF_8));

        assertThat(versions.read("case-7f3a", headers, written())).isEmpty();
    }

    @Test
    void skipsARecordThatIsNoCase() {
        assertThat(versions.read("case-7f3a", new RecordHeaders(), "{\"caseId\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /** A case as an earlier version of the case keeper wrote it. */
    private static byte[] written() throws IOException {
        try (InputStream in = CaseVersionBytesTest.class.getResourceAsStream("/wire/case-state-before-parts.json")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
