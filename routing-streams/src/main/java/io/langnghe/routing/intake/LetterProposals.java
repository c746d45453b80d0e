package io.langnghe.routing.intake;

import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.text.LetterRequests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A letter that holds several requests is proposed to the officer as several cases: each request is
 * classified and routed on its own, placed by its own words or else by the letter's (its preamble
 * usually says where the writer lives), and listed on the letter's case, which stays the link between them.
 */
public final class LetterProposals {

    private final Classifier classifier;
    private final Router router;

    public LetterProposals(Classifier classifier, Router router) {
        this.classifier = classifier;
        this.router = router;
    }

    /** The routing with the letter's requests beside it; unchanged for a petition with one request. */
    public Routing propose(Routing routing, String text, String area, String address, Collection<RoutingRule> rules) {
        LetterRequests.Split split = LetterRequests.split(text);
        if (!split.holdsSeveral()) {
            return routing;
        }
        Place letterPlace = routing.place();
        String letterArea = area != null ? area : letterPlace == null ? null : letterPlace.area();
        String where = address == null ? split.preamble() : address + "\n" + split.preamble();
        List<ProposedRequest> requests = new ArrayList<>();
        int index = 1;
        for (String request : split.requests()) {
            Routing own = router.route(classifier.rank(request), letterArea, request, where, rules);
            Place ownPlace = letterArea == null ? own.place() : null;
            String ownArea = letterArea != null ? letterArea : ownPlace == null ? null : ownPlace.area();
            requests.add(new ProposedRequest(index++, request, own.classification().category(), own.department(), ownArea));
        }
        return routing.withRequests(requests);
    }
}
