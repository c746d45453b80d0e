package io.langnghe.search.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.AlertAck;
import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.langnghe.search.problem.TypedParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.langnghe.search.alerts.AlertFields.*;
import static io.langnghe.search.index.Elastic.ask;

/**
 * Early warnings: not yet acknowledged first, then by risk, then newest. Leaders see every alert;
 * an officer those of the department, and acknowledges them (an alert of another department is a 404).
 * An acknowledgement goes to {@code alert.acks.v1} (the early warning then keeps quiet about the
 * subject until it worsens) before it is marked in the index; a rebuild from {@code alerts.v1}
 * forgets the mark, not the acknowledgement.
 */
@Controller("/api/alerts")
@Secured({Roles.LEADER, Roles.OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final ElasticsearchClient client;
    private final CasesIndex index;
    private final AlertAckPublisher acks;

    public AlertController(ElasticsearchClient client, ElasticsearchSettings settings, AlertAckPublisher acks) {
        this.client = client;
        this.index = AlertsIndex.of(settings);
        this.acks = acks;
    }

    public record AlertPage(List<AlertDocument> items, int page, int size, long total) {
    }

    @Get
    public AlertPage list(@Nullable @QueryValue String page, @Nullable @QueryValue String size, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = TypedParameters.number("page", page, 0, 0, 10_000 / MAX_SIZE, errors);
        int pageSize = TypedParameters.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        SearchResponse<AlertDocument> response = ask(() -> client.search(s -> s
                        .index(index.alias())
                        // Before the first alert the index may not exist yet: that is an empty list.
                        .ignoreUnavailable(true)
                        .query(q -> q.bool(b -> {
                            caller.departmentScope().ifPresent(d -> b.filter(f -> f.term(t -> t.field(DEPARTMENT).value(d))));
                            return b;
                        }))
                        .from(pageNumber * pageSize)
                        .size(pageSize)
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field(ACKNOWLEDGED).order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field(RISK_SCORE).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(RAISED_AT).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(ALERT_ID).order(SortOrder.Asc))),
                AlertDocument.class));
        List<AlertDocument> items = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        return new AlertPage(items, pageNumber, pageSize, total);
    }

    /** Acknowledging twice keeps the first acknowledgement: who saw it first is what a leader asks. */
    @Post("/{alertId}/ack")
    public AlertDocument acknowledge(String alertId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        AlertDocument alert = visible(alertId, caller)
                .orElseThrow(() -> new ProblemException(Problem.alertNotFound()));
        if (alert.acknowledged()) {
            return alert;
        }
        Instant now = Instant.now();
        // Kafka first: the early warning must hear of it even if the index is not told.
        acks.send(new AlertAck(AlertAck.SCHEMA_VERSION, alert.alertId(), alert.subject(), alert.level(), caller.username(),
                caller.role(), now));
        ask(() -> client.update(u -> u
                        .index(index.alias())
                        .id(alertId)
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor)
                        .doc(Map.of(ACKNOWLEDGED, true, ACKNOWLEDGED_AT, now.toString(), ACKNOWLEDGED_BY, caller.username())),
                AlertDocument.class));
        return new AlertDocument(alert.alertId(), alert.subject(), alert.level(), alert.riskScore(), alert.reasons(),
                alert.caseIds(), alert.department(), alert.area(), alert.category(), alert.raisedAt(), true, now, caller.username());
    }

    private Optional<AlertDocument> visible(String alertId, Caller caller) {
        if (alertId == null || alertId.isBlank() || alertId.getBytes(StandardCharsets.UTF_8).length > 512) {
            return Optional.empty();
        }
        var response = ask(() -> {
            try {
                return client.get(g -> g.index(index.alias()).id(alertId), AlertDocument.class);
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return null;
                }
                throw e;
            }
        });
        return Optional.ofNullable(response != null && response.found() ? response.source() : null)
                .filter(a -> caller.departmentScope().map(d -> d.equals(a.department())).orElse(true));
    }
}
