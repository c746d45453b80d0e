package io.langnghe.routing;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.routing.classify.KeywordClassifier;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The parts routing is made of, built once; the taxonomy is validated here, at start-up. */
@Factory
class RoutingBeans {

    @Singleton
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    @Singleton
    Topics topics(@Value("${langnghe.topics-prefix:langnghe}") String prefix) {
        return Topics.withPrefix(prefix);
    }

    @Singleton
    Classifier classifier(Taxonomy taxonomy) {
        return KeywordClassifier.fromTaxonomy(taxonomy);
    }

    @Singleton
    Router router(Taxonomy taxonomy, RoutingSettings settings) {
        return new Router(taxonomy, settings.triageBelowConfidence());
    }

    @Singleton
    CaseOpening caseOpening(RoutingSettings settings) {
        return new CaseOpening(settings.timeToResolve());
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
