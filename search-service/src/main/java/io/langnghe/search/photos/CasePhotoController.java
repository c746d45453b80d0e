package io.langnghe.search.photos;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.FeedbackReceived.PhotoRef;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The photos of a case: the petition's and the answer's proof, for the officers of its department and
 * for leaders (anyone else gets the 404 of a case they may not see); and the upload of a photo of proof,
 * one per request, whose reference the answer then names ({@code POST /api/cases/{id}/actions},
 * {@code photos}). Only the answer goes to Kafka, so its 202 still means Kafka holds it.
 */
@Controller("/api/cases/{caseId}/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CasePhotoController {

    private final CaseReader cases;
    private final CasePhotos photos;

    public CasePhotoController(CaseReader cases, CasePhotos photos) {
        this.cases = cases;
        this.photos = photos;
    }

    /** Multipart, one {@code photo} part: JPEG, PNG or WebP by its bytes, at most 5 MB; kept without location. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Secured(Roles.OFFICER)
    public HttpResponse<PhotoRef> upload(String caseId, @Nullable @Part("photo") CompletedFileUpload photo,
                                         Authentication authentication) {
        visible(caseId, Caller.of(authentication));
        if (photo == null) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("photo", "required",
                    "Hãy chọn một ảnh (trường 'photo').", "Choose a photo (the 'photo' field)."))));
        }
        try {
            return HttpResponse.status(HttpStatus.CREATED).body(photos.keep(photo.getBytes(), photo.getFilename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/{ref}")
    @Secured({Roles.OFFICER, Roles.LEADER})
    public HttpResponse<byte[]> show(String caseId, String ref, Authentication authentication) {
        CaseDocument doc = visible(caseId, Caller.of(authentication));
        PhotoRef photo = doc.photo(ref, false).orElseThrow(() -> new ProblemException(Problem.photoNotFound()));
        return photos.serve(photo, "private, max-age=86400");
    }

    private CaseDocument visible(String caseId, Caller caller) {
        return cases.byId(caseId)
                .filter(doc -> caller.departmentScope().map(d -> d.equals(doc.department())).orElse(true))
                .orElseThrow(() -> new ProblemException(Problem.caseNotFound()));
    }
}
