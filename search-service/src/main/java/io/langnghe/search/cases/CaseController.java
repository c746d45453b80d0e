package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueReader;
import io.langnghe.search.privacy.CaseContacts;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Search and the case page, for leaders (every department, no contact details) and officers (their
 * own department only, with the resident's contact). A case of an issue shows its issue's current risk.
 */
@Controller("/api/cases")
@Secured({Roles.LEADER, Roles.OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseController {

    private final CaseReader cases;
    private final IssueReader issues;
    private final Taxonomy taxonomy;
    private final CaseContacts contacts;
    private final ZoneId wardZone;

    public CaseController(CaseReader cases, IssueReader issues, Taxonomy taxonomy, CaseContacts contacts,
                          @Value("${langnghe.time-zone:Asia/Ho_Chi_Minh}") String wardZone) {
        this.cases = cases;
        this.issues = issues;
        this.contacts = contacts;
        this.taxonomy = taxonomy;
        this.wardZone = ZoneId.of(wardZone);
    }

    @Get("{?q,category,department,area,status,from,to,page,size,cluster}")
    public CasePage search(@RequestBean SearchParameters parameters, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        CaseQuery query = parameters.check(taxonomy, wardZone);
        CaseReader.Found found = cases.search(query, caller.departmentScope());
        // one read of the page's issues, whatever the number of its lines
        Map<String, IssueDocument> current = issues.current(found.cases().stream().map(CaseDocument::clusterId).filter(Objects::nonNull).toList());
        return new CasePage(
                found.cases().stream()
                        .map(doc -> CaseView.summary(doc, caller, taxonomy).withIssue(doc.clusterId() == null ? null : current.get(doc.clusterId())))
                        .toList(),
                query.page(),
                query.size(),
                found.total());
    }

    /** An officer asking for another department's case gets the same 404 as for no case at all. */
    @Get("/{caseId}")
    public CaseView show(String caseId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return cases.byId(caseId)
                .filter(doc -> caller.departmentScope().map(d -> d.equals(doc.department())).orElse(true))
                .map(doc -> CaseView.detail(doc, caller, taxonomy, contacts).withLetter(LetterView.of(doc,
                        doc.letter().children().isEmpty() ? List.of() : cases.requestsOf(doc.caseId()), caller, taxonomy))
                        .withIssue(issues.current(doc.clusterId()).orElse(null)))
                .orElseThrow(() -> new ProblemException(Problem.caseNotFound()));
    }
}
