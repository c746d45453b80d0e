package io.langnghe.routing.rules;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start (nothing ever written to {@code routing.rules.v1}), publishes DESIGN.md's defaults
 * from the taxonomy, one rule per category. Later starts leave the topic alone, so a rule an
 * administrator removed stays removed.
 */
@Singleton
class RuleSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSeeder.class);

    private final RulePublisher publisher;
    private final Taxonomy taxonomy;

    RuleSeeder(RulePublisher publisher, Taxonomy taxonomy) {
        this.publisher = publisher;
        this.taxonomy = taxonomy;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        if (publisher.neverWritten()) {
            RuleBook.defaults(taxonomy).forEach(publisher::publish);
            LOG.info("Seeded the default routing rules from the taxonomy");
        }
    }
}
