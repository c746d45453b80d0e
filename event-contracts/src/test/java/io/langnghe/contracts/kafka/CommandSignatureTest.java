package io.langnghe.contracts.kafka;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommandSignatureTest {

    private static final String LEADER_CLOSES = "{\"type\":\"close\",\"actor\":{\"username\":\"lanhdao\",\"role\":\"LEADER\"}}";
    private final CommandSignature search = new CommandSignature("a-secret-only-search-and-routing-hold");

    @Test
    void aCommandSignedBySearchServiceVerifies() {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = search.signing(new StringSerializer()).serialize("t.case.commands.v1", headers, LEADER_CLOSES);

        assertThat(search.verifies(headers, value)).isTrue();
    }

    @Test
    void aForgedLeaderCommandWithoutTheSecretDoesNot() {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new CommandSignature("a-guess-by-whoever-reached-the-broker").signing(new StringSerializer())
                .serialize("t.case.commands.v1", headers, LEADER_CLOSES);

        assertThat(search.verifies(headers, value)).isFalse();
        assertThat(search.verifies(new RecordHeaders(), value)).as("no signature at all").isFalse();
    }

    @Test
    void aSignedCommandWhoseRoleWasChangedAfterwardsDoesNot() {
        RecordHeaders headers = new RecordHeaders();
        search.signing(new StringSerializer()).serialize("t.case.commands.v1", headers,
                LEADER_CLOSES.replace("LEADER", "OFFICER"));

        assertThat(search.verifies(headers, LEADER_CLOSES.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
