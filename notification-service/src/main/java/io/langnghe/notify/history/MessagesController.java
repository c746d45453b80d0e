package io.langnghe.notify.history;

import io.langnghe.access.Roles;
import io.langnghe.notify.plan.NotificationTopology;
import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.List;

/**
 * {@code GET /api/cases/{caseId}/messages}: what the resident (or staff) was sent about a case, when, on
 * which channel and template, and what became of it (sent, delivered, held, merged, suppressed, failed).
 * Read from the planner's own store of {@code notification.outcomes.v1}, so no record is added to
 * the case's commands per message; the history carries no contact, so every officer and leader may read it.
 */
@Controller("/api/cases/{caseId}/messages")
@Secured({Roles.OFFICER, Roles.LEADER})
public class MessagesController {

    private final InteractiveQueryService queries;

    public MessagesController(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @Get
    public MessageHistory messages(String caseId) {
        ReadOnlyKeyValueStore<String, MessageHistory> store = queries.<ReadOnlyKeyValueStore<String, MessageHistory>>getQueryableStore(
                NotificationTopology.HISTORY_STORE, QueryableStoreTypes.keyValueStore()).orElse(null);
        MessageHistory history = store == null ? null : store.get(caseId);
        return history == null ? new MessageHistory(List.of()) : history;
    }
}
