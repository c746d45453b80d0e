package io.langnghe.routing.cases;

import io.langnghe.contracts.Category;
import io.langnghe.routing.YamlResource;
import io.langnghe.routing.lifecycle.Deadlines.Steps;
import io.langnghe.routing.lifecycle.Within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** routing/deadlines.yml: each category's own times, the phrases that make a petition urgent, and those that do not. */
public record DeadlinesFile(Map<String, StepsEntry> categories, List<String> urgent, List<String> notUrgent) {

    private static final String RESOURCE = "/routing/deadlines.yml";

    public DeadlinesFile {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        urgent = urgent == null ? List.of() : List.copyOf(urgent);
        notUrgent = notUrgent == null ? List.of() : List.copyOf(notUrgent);
    }

    public record StepsEntry(String acknowledge, String resolve) {
    }

    public static DeadlinesFile loadDefault() {
        return YamlResource.read(RESOURCE, DeadlinesFile.class);
    }

    /** The categories' times; an unknown category or a malformed time stops start-up with the reason. */
    public Map<Category, Steps> perCategory() {
        Map<Category, Steps> steps = new EnumMap<>(Category.class);
        categories.forEach((code, entry) -> {
            Category category = Category.fromCode(code)
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": there is no category " + code));
            try {
                steps.put(category, new Steps(Within.parse(entry.acknowledge()), Within.parse(entry.resolve())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ": " + code + ": " + e.getMessage(), e);
            }
        });
        return steps;
    }
}
