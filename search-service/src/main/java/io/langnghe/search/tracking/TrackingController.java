package io.langnghe.search.tracking;

import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.actions.CommandPublisher;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.photos.CasePhotos;
import io.langnghe.search.privacy.CaseContacts;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Residents follow their petition with the tracking code alone: no account, no personal data. Once
 * the ward has answered they rate the answer with the code and a proof that they are the one who
 * wrote (the last 4 digits of the phone they gave); the rating becomes a {@code rate} command (actor:
 * the resident) that routing-streams applies, reopening the case when a proven "not fixed". Without
 * a phone the code alone rates once, and its "not fixed" waits for an officer: the code may have
 * been shared. Wrong proofs are counted per code ({@link ProofGuesses}).
 */
@Controller("/api/track")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrackingController {

    // The same statuses routing-streams accepts a rating from.
    private static final Set<CaseStatus> RATEABLE = EnumSet.of(CaseStatus.ANSWERED, CaseStatus.RESOLVED, CaseStatus.CLOSED);
    private static final CaseCommand.Actor RESIDENT = new CaseCommand.Actor("resident", Roles.RESIDENT, null);

    private final CaseReader cases;
    private final CaseContacts contacts;
    private final Taxonomy taxonomy;
    private final CommandPublisher commands;
    private final CasePhotos photos;
    private final ProofGuesses proofs;
    private final Clock clock = Clock.systemUTC();

    public TrackingController(CaseReader cases, Taxonomy taxonomy, CommandPublisher commands, CasePhotos photos,
                              ProofGuesses proofs, CaseContacts contacts) {
        this.proofs = proofs;
        this.contacts = contacts;
        this.cases = cases;
        this.photos = photos;
        this.taxonomy = taxonomy;
        this.commands = commands;
    }

    @Get("/{trackingCode}")
    public TrackingView track(String trackingCode) {
        return cases.byTrackingCode(TrackingCode.normalise(trackingCode))
                .map(doc -> TrackingView.of(doc,
                        doc.letter().children().isEmpty() ? List.of() : cases.publicRequestsOf(doc.caseId()), taxonomy))
                .orElseThrow(() -> new ProblemException(Problem.trackingCodeNotFound()));
    }

    /**
     * A photo of the ward's proof, for the tracking page: only the answer's photos, never the petition's
     * (they may show the resident or their home). ingest-service's proxy limits it per address.
     */
    @Get("/{trackingCode}/photos/{ref}")
    public HttpResponse<byte[]> answerPhoto(String trackingCode, String ref) {
        CaseDocument doc = cases.byTrackingCode(TrackingCode.normalise(trackingCode))
                .orElseThrow(() -> new ProblemException(Problem.trackingCodeNotFound()));
        return photos.serve(doc.photo(ref, true).orElseThrow(() -> new ProblemException(Problem.photoNotFound())),
                "public, max-age=86400");
    }

    /** Accepted, not yet applied: Kafka holds the rating; the tracking page shows it once the case comes back. */
    /** @param reopens whether a "not fixed" reopens the case at once (proven), or waits for an officer */
    public record RatingAccepted(String commandId, String trackingCode, int stars, boolean fixed, boolean reopens) {
    }

    @Post("/{trackingCode}/rating")
    public HttpResponse<RatingAccepted> rate(String trackingCode, @Body Optional<RatingRequest> body) {
        TrackingCode code = TrackingCode.parse(trackingCode).orElseThrow(() -> new ProblemException(Problem.invalidInput(List.of(
                new FieldError("trackingCode", "mistyped",
                        "Mã tra cứu không đúng; hãy kiểm tra lại từng ký tự (dạng XXXX-XXXX-XX).",
                        "This tracking code is not valid; please check each character (format XXXX-XXXX-XX).")))));
        Instant now = Instant.now(clock);
        RatingRequest request = body.orElse(new RatingRequest(null, null, null, null));
        Rating typed = request.check(now);
        CaseDocument target = cases.commandTargetOf(code.value())
                .orElseThrow(() -> new ProblemException(Problem.trackingCodeNotFound()));
        if (!RATEABLE.contains(target.status())) {
            throw new ProblemException(Problem.notYetAnswered(target.status().code()));
        }
        boolean proven = proven(code, target, request.proofDigits());
        Rating rating = new Rating(typed.stars(), typed.comment(), typed.fixed(), typed.ratedAt(), proven);
        CaseCommand command = CaseCommand.rate(UUID.randomUUID().toString(), target.caseId(), RESIDENT, now, rating);
        commands.send(command);
        return HttpResponse.<RatingAccepted>status(HttpStatus.ACCEPTED)
                .body(new RatingAccepted(command.commandId(), code.display(), rating.stars(), rating.fixed(), !rating.fixed() && proven));
    }

    /**
     * Whether the rating comes with the resident's proof: required when they gave a phone; without
     * one the code alone may rate once (routing-streams keeps to that as well).
     */
    private boolean proven(TrackingCode code, CaseDocument target, String digits) {
        String phone = contacts.phoneForProof(target);
        if (phone == null || phone.isBlank()) {
            if (target.rating() != null) {
                throw new ProblemException(Problem.alreadyRated());
            }
            return false;
        }
        if (digits == null) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("proof", "required",
                    "Nhập 4 số cuối của số điện thoại bạn đã để lại khi gửi kiến nghị.",
                    "Enter the last 4 digits of the phone number you gave with the petition."))));
        }
        OptionalLong wait = proofs.secondsToWait(code.value());
        if (wait.isPresent()) {
            throw ProblemException.tooMany(wait.getAsLong());
        }
        if (!proofs.check(code.value(), phone, digits)) {
            throw new ProblemException(Problem.proofMismatch());
        }
        return true;
    }
}
