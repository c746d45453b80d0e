package io.langnghe.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void namesTopicsWithDotsAndVersion() {
        Topics topics = Topics.defaults();

        assertThat(topics.all()).extracting(Topic::name).containsExactly(
                "langnghe.feedback.received.v1",
                "langnghe.case.commands.v1",
                "langnghe.cases.v1",
                "langnghe.alerts.v1",
                "langnghe.routing.rules.v1",
                "langnghe.feedback.dlq.v1");
        assertThat(topics.all()).filteredOn(Topic::compacted).extracting(Topic::name)
                .containsExactly("langnghe.cases.v1", "langnghe.routing.rules.v1");
    }

    @Test
    void refusesAPrefixWithUnderscores() {
        assertThatThrownBy(() -> Topics.withPrefix("dong_son")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.withPrefix("dongson.test").cases().name()).isEqualTo("dongson.test.cases.v1");
    }

    @Test
    void writesEventsAsCamelCaseJsonWithIsoTimestamps() {
        var topic = Topics.defaults().feedbackReceived();
        var feedback = new FeedbackReceived(1, "f-1", "ABCD-EFGH-J", Channel.WEB,
                Instant.parse("2026-11-26T08:00:00Z"), "Cống bị tắc", "tdp-05", null,
                Contact.none(), null, null, "k-1", Map.of());

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), feedback);
        String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"trackingCode\":\"ABCD-EFGH-J\"", "\"channel\":\"web\"",
                "\"receivedAt\":\"2026-11-26T08:00:00Z\"", "\"schemaVersion\":1");
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(feedback);
    }
}
