package io.langnghe.search.actions;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.photos.CasePhotos;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Officers' (and leaders') actions on a case become commands on {@code case.commands.v1}; the case
 * lifecycle in routing-streams applies them and publishes the new state, which the page then shows.
 * An officer naming another department's case gets the same 404 as for no case, and nothing is sent.
 */
@Controller("/api/cases/{caseId}/actions")
@Secured({Roles.OFFICER, Roles.LEADER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseActionController {

    private final CaseReader cases;
    private final CommandPublisher commands;
    private final Taxonomy taxonomy;
    private final CasePhotos photos;
    private final Clock clock;

    public CaseActionController(CaseReader cases, CommandPublisher commands, Taxonomy taxonomy, CasePhotos photos) {
        this.cases = cases;
        this.commands = commands;
        this.taxonomy = taxonomy;
        this.photos = photos;
        this.clock = Clock.systemUTC();
    }

    /** Accepted, not done: the answer comes after Kafka holds the command, before the case changes. */
    public record Accepted(String commandId, String caseId, CaseCommand.Type type) {
    }

    @Post
    public HttpResponse<Accepted> act(String caseId, @Body Optional<ActionRequest> body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        CaseDocument current = visible(caseId, caller)
                .orElseThrow(() -> new ProblemException(Problem.caseNotFound()));
        ActionRequest.Action action = body.orElse(new ActionRequest(null, null, null, null, null, null, null))
                .check(caseId, current.department(), taxonomy);
        if (!ActionRules.mayAsk(caller, action.type())) {
            throw new ProblemException(Problem.actionNotAllowed(action.type().code(), caller.role()));
        }
        if (!ActionRules.fits(action.type(), current)) {
            throw new ProblemException(Problem.actionDoesNotFit(action.type().code(), current.status().code()));
        }
        if (action.targetCaseId() != null && visible(action.targetCaseId(), caller).isEmpty()) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("targetCaseId", "unknown_case",
                    "Không có hồ sơ này để gộp vào.", "There is no such case to merge into."))));
        }
        CaseCommand command = CaseCommand.of(UUID.randomUUID().toString(), caseId, action.type(),
                        new CaseCommand.Actor(caller.username(), caller.role(), caller.department()), Instant.now(clock))
                .withDepartment(action.department())
                .withTargetCaseId(action.targetCaseId())
                .withText(action.text())
                .withCategory(action.category())
                .withPhotos(photos.proof(action.photos()))
                .withArea(action.area());
        commands.send(command);
        return HttpResponse.<Accepted>status(HttpStatus.ACCEPTED)
                .body(new Accepted(command.commandId(), caseId, command.type()));
    }

    private Optional<CaseDocument> visible(String caseId, Caller caller) {
        return cases.byId(caseId)
                .filter(doc -> caller.departmentScope().map(d -> d.equals(doc.department())).orElse(true));
    }
}
