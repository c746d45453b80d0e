package io.langnghe.routing;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.cases.DeadlineSettings;
import io.langnghe.routing.cases.DeadlinesFile;
import io.langnghe.routing.cases.LegalTrack;
import io.langnghe.routing.cases.UrgentWords;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineClock;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.Within;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import io.langnghe.routing.warning.OpeningRisk;
import io.langnghe.routing.warning.WarningSettings;
import io.langnghe.routing.warning.WarningWords;
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

    /** Trained here, at start-up, from the corpus in the jar: a bad corpus or lexicon stops the service with the reason. */
    @Singleton
    BlendedClassifier classifier(Taxonomy taxonomy, ClassifierSettings settings) {
        return BlendedClassifier.trained(taxonomy, settings);
    }

    @Singleton
    Router router(Taxonomy taxonomy, RoutingSettings settings) {
        return new Router(taxonomy, settings.triageBelowConfidence(), settings.triageWithinMargin());
    }

    /** The holidays file is read and checked here: a malformed one stops the service with the reason. */
    @Singleton
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.loadDefault();
    }

    /** routing/deadlines.yml is read and checked here: an unknown category or a malformed time stops the service. */
    @Singleton
    DeadlinesFile deadlinesFile() {
        return DeadlinesFile.loadDefault();
    }

    @Singleton
    Deadlines deadlines(WorkingCalendar calendar, RoutingSettings settings, DeadlineSettings deadlineSettings, DeadlinesFile file) {
        return new Deadlines(calendar, new Deadlines.Steps(Within.workingDays(settings.acknowledgeWithin()),
                Within.workingDays(settings.resolveWithin())), file.perCategory(), deadlineSettings.urgent());
    }

    @Singleton
    CaseOpening caseOpening(Deadlines deadlines, DeadlinesFile file, Taxonomy taxonomy, WarningSettings warningSettings,
                            WarningWords warningWords) {
        // the same settings and words as the early warning: the risk a case opens with is the one it would tell it
        return new CaseOpening(deadlines, new UrgentWords(file.urgent(), file.notUrgent()), LegalTrack.loadDefault(), taxonomy.triageDepartment(),
                new OpeningRisk(warningSettings, warningWords));
    }

    @Singleton
    CaseLifecycle caseLifecycle(Taxonomy taxonomy, Deadlines deadlines) {
        return new CaseLifecycle(taxonomy, deadlines);
    }

    @Singleton
    DeadlineClock deadlineClock() {
        return new DeadlineClock();
    }

    @Singleton
    DeadlineWatch deadlineWatch(DeadlineSettings settings, DeadlineClock clock) {
        return new DeadlineWatch(settings.dueSoonAt(), settings.checkEvery(), clock);
    }

    /** routing/early-warning.yml is read and checked here: a bad weight or threshold stops the service with the reason. */
    @Singleton
    WarningSettings warningSettings() {
        return WarningSettings.loadDefault();
    }

    @Singleton
    WarningWords warningWords(DeadlinesFile file) {
        return WarningWords.loadDefault(new UrgentWords(file.urgent(), file.notUrgent()));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
