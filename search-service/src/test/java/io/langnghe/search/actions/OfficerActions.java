package io.langnghe.search.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.search.SharedStack;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What the action tests do as officers: publish cases and wait until the service shows them, post
 * actions to {@code /api/cases/{id}/actions}, and find the commands written for them on the real broker.
 */
final class OfficerActions {

    static final Duration WITHIN = Duration.ofSeconds(30);

    private final HttpClient client;
    private final SharedStack stack;

    OfficerActions(HttpClient client, SharedStack stack) {
        this.client = client;
        this.stack = stack;
    }

    /** Publishes the cases as routing-streams would and waits until {@code token}'s holder can open each. */
    void publishAndAwait(String token, List<CaseState> states) throws Exception {
        for (CaseState state : states) {
            stack.publish(state);
        }
        for (CaseState state : states) {
            await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                    .exchange(HttpRequest.GET("/api/cases/" + state.caseId()).bearerAuth(token)).getStatus().getCode() == 200);
        }
    }

    HttpResponse<JsonNode> post(String caseId, Map<String, ?> body, String token) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + caseId + "/actions", body).bearerAuth(token), JsonNode.class);
    }

    /** The same, with the {@code Idempotency-Key} the officer's page sends. */
    HttpResponse<JsonNode> keyed(String caseId, Map<String, ?> body, String token, String key) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + caseId + "/actions", body).bearerAuth(token)
                .header("Idempotency-Key", key), JsonNode.class);
    }

    HttpClientResponseException refused(String caseId, Map<String, ?> body, String token) {
        try {
            post(caseId, body, token);
            throw new AssertionError("expected a refusal");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    int status(String caseId, Map<String, ?> body, String token) {
        return status(HttpRequest.POST("/api/cases/" + caseId + "/actions", body).bearerAuth(token));
    }

    int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The one command on {@code case.commands} with this id, as JSON; waits for it. */
    ConsumerRecord<String, String> command(String commandId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            found.clear();
            SharedInfrastructure.topicProbe().readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                    .filter(r -> r.value().contains("\"" + commandId + "\""))
                    .forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    /** Every command written so far for one case. */
    List<ConsumerRecord<String, String>> commandsFor(String caseId) {
        return SharedInfrastructure.topicProbe().readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                .filter(r -> caseId.equals(r.key()))
                .toList();
    }
}
