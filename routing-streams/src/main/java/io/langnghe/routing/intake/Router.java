package io.langnghe.routing.intake;

import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.places.PlaceResolver;
import io.langnghe.routing.classify.Candidate;
import io.langnghe.routing.classify.Ranking;
import io.langnghe.routing.rules.RuleBook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the department: the one that takes the best category by default (DESIGN.md), or the
 * triage desk when the classifier is unsure:
 * <pre>
 *   triage ⇔ confidence(best) &lt; triageBelowConfidence  ∨  confidence(best) − confidence(runner-up) &lt; triageWithinMargin
 * </pre>
 * A triaged case keeps the best category, and its reasons show both candidates, so the desk sees
 * what the choice was between. The department of a sure one comes from the routing rules
 * ({@link RuleBook}), or the taxonomy's default when no rule matches.
 * <p>
 * A petition that comes without an area (hotline, SMS, Zalo, a letter) is placed first by the words of
 * its address and text ({@link PlaceResolver}), so rules by area and the early warning see where it is.
 */
public final class Router {

    private final Taxonomy taxonomy;
    private final double triageBelowConfidence;
    private final double triageWithinMargin;
    private final PlaceResolver places;

    public Router(Taxonomy taxonomy, double triageBelowConfidence, double triageWithinMargin) {
        this(taxonomy, triageBelowConfidence, triageWithinMargin, PlaceResolver.of(taxonomy));
    }

    public Router(Taxonomy taxonomy, double triageBelowConfidence, double triageWithinMargin, PlaceResolver places) {
        this.taxonomy = taxonomy;
        this.triageBelowConfidence = triageBelowConfidence;
        this.triageWithinMargin = triageWithinMargin;
        this.places = places;
    }

    /** The resolver that places petitions without an area (an officer's confirmation teaches it). */
    public PlaceResolver places() {
        return places;
    }

    /** With the taxonomy's default rules only (./langnghe classify, which reads no topic). */
    public Routing route(Ranking ranking) {
        return route(ranking, null, null, List.of());
    }

    /** With the routing rules of {@code routing.rules.v1}; the petition's area and text can select a rule. */
    public Routing route(Ranking ranking, String area, String text, Collection<RoutingRule> rules) {
        return route(ranking, area, text, null, rules);
    }

    /**
     * As above; without an area, the place the address and text name (if any) gives it, and the routing
     * carries that place beside the category.
     */
    public Routing route(Ranking ranking, String area, String text, String address, Collection<RoutingRule> rules) {
        Place place = area == null && text != null ? places.resolve(text, address) : null;
        return choose(ranking, place == null ? area : place.area(), text, rules).withPlace(place);
    }

    private Routing choose(Ranking ranking, String area, String text, Collection<RoutingRule> rules) {
        Candidate best = ranking.best();
        Optional<RoutingRule> rule = RuleBook.match(rules, best.category(), area, text);
        String department = rule.map(RoutingRule::department).orElseGet(() -> taxonomy.defaultDepartmentFor(best.category()));
        String triage = taxonomy.triageDepartment();
        Optional<Candidate> runnerUp = ranking.runnerUp();
        boolean close = runnerUp.isPresent() && best.confidence() - runnerUp.get().confidence() < triageWithinMargin;
        if ((best.confidence() < triageBelowConfidence || close) && !department.equals(triage)) {
            List<String> bothCandidates = runnerUp.map(second -> List.of(best.summary(), second.summary()))
                    .orElse(List.of(best.summary()));
            return new Routing(new Classification(best.category(), best.confidence(), bothCandidates), triage, true, null);
        }
        return new Routing(best.classification(), department, false, rule.map(RoutingRule::ruleId).orElse(null));
    }
}
