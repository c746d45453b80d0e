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
                "langnghe.feedback.dlq.v1",
                "langnghe.case.command.results.v1",
                "langnghe.classifier.corrections.v1",
                "langnghe.alert.acks.v1",
                "langnghe.index.dlq.v1",
                "langnghe.notifications.v1",
                "langnghe.notification.outcomes.v1",
                "langnghe.notifications.dlq.v1",
                "langnghe.contact.optouts.v1",
                "langnghe.case.history.v1",
                "langnghe.contact.keys.v1",
                "langnghe.issues.v1",
                "langnghe.spikes.v1");

        assertThat(topics.all()).filteredOn(Topic::compacted).extracting(Topic::name)
                .containsExactly("langnghe.cases.v1", "langnghe.routing.rules.v1", "langnghe.alert.acks.v1",
                        "langnghe.contact.optouts.v1", "langnghe.contact.keys.v1", "langnghe.issues.v1",
                        "langnghe.spikes.v1");
        assertThat(topics.all()).filteredOn(Topic::keptForever).extracting(Topic::name)
                .as("a case's whole history stays readable for as long as the case").containsExactly("langnghe.case.history.v1");
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

    @Test
    void readsCasesWrittenBeforeTheLegalClocksWithTheirDefaults() {
        var topic = Topics.defaults().cases();
        String old = """
                {"schemaVersion":1,"caseId":"f-1","version":2,"trackingCode":"ABCD-EFGH-J","feedbackId":"f-1",
                 "channel":"web","text":"Tôi tố cáo cán bộ","department":"van_phong","status":"acknowledged",
                 "history":[],"caseType":"denunciation"}""";

        CaseState state = topic.valueSerde().deserializer().deserialize(topic.name(), old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(state).extracting(CaseState::caseType, CaseState::complex, CaseState::extensions)
                .containsExactly(CaseType.DENUNCIATION, false, 0);
        byte[] again = topic.valueSerde().serializer().serialize(topic.name(), state);
        assertThat(new String(again, java.nio.charset.StandardCharsets.UTF_8)).contains("\"complex\":false", "\"extensions\":0");
    }

    @Test
    void readsCommandsWrittenBeforeTheyCouldNameACategory() {
        var topic = Topics.defaults().caseCommands();
        String old = """
                {"schemaVersion":1,"commandId":"c-1","caseId":"f-1","type":"reassign",
                 "actor":{"username":"canbo.van_phong","role":"OFFICER","department":"van_phong"},
                 "department":"cong_an","text":"Việc của công an","issuedAt":"2026-11-26T08:00:00Z"}""";

        CaseCommand command = topic.valueSerde().deserializer().deserialize(topic.name(), old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(command).isEqualTo(CaseCommand.of("c-1", "f-1", CaseCommand.Type.REASSIGN,
                new CaseCommand.Actor("canbo.van_phong", "OFFICER", "van_phong"), Instant.parse("2026-11-26T08:00:00Z"))
                .withDepartment("cong_an").withText("Việc của công an"));
        assertThat(command.category()).isNull();
    }

    @Test
    void writesRefusalsWithTheReasonInBothLanguages() {
        var topic = Topics.defaults().caseCommandResults();
        var refused = new CommandResult(1, "c-2", "f-1", CaseCommand.Type.RESOLVE, false, 3,
                new CommandResult.Reason("Hồ sơ đã đóng", "The case is closed"), Instant.parse("2026-11-26T08:00:00Z"));

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), refused);

        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"type\":\"resolve\"", "\"accepted\":false", "\"reason\":{\"vi\":\"Hồ sơ đã đóng\",\"en\":\"The case is closed\"}");
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(refused);
    }
}
