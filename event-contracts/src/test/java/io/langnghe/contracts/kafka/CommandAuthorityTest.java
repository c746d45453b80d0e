package io.langnghe.contracts.kafka;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.Json;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAuthorityTest {

    private static final CommandSignature SEARCH = new CommandSignature("a-secret-only-search-and-routing-hold");
    private final CommandAuthority authority = new CommandAuthority(SEARCH);

    @ParameterizedTest(name = "{0} {1}, signed by {2} → {3}")
    @CsvSource({
            // role     command  signed by        accepted
            "LEADER,    close,   search-service,  true",
            "LEADER,    close,   nobody,          false",   // written straight to Kafka by whoever reached it
            "LEADER,    close,   a-guess,         false",
            "OFFICER,   answer,  search-service,  true",
            "RESIDENT,  rate,    search-service,  true",
            "RESIDENT,  rate,    nobody,          false",
            "SYSTEM,    assess,  nobody,          true",    // the early warning, inside routing-streams
            "SYSTEM,    open_request, nobody,     true",    // a letter's accepted request, opened by routing-streams
            "SYSTEM,    close,   search-service,  false",   // a system actor closes nothing, signed or not
            "'',        close,   search-service,  false"})
    void aCommandsActorMustFitWhoWroteIt(String role, String type, String signedBy, boolean accepted) throws Exception {
        CaseCommand command = Json.mapper().readValue("""
                {"schemaVersion":1,"commandId":"cmd-1","caseId":"c-1","type":"%s",
                 "actor":{"username":"someone","role":"%s"},"issuedAt":"%s"}""".formatted(type, role, Instant.parse("2026-12-05T08:00:00Z")),
                CaseCommand.class);
        byte[] value = Json.mapper().writeValueAsBytes(command);
        RecordHeaders headers = new RecordHeaders();
        switch (signedBy) {
            case "search-service" -> headers.add(CommandSignature.HEADER, SEARCH.sign(value));
            case "a-guess" -> headers.add(CommandSignature.HEADER, new CommandSignature("guessed").sign(value));
            default -> {
            }
        }

        assertThat(authority.refusal(command, headers, value).isEmpty()).isEqualTo(accepted);
    }
}
