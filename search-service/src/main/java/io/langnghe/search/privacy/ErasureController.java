package io.langnghe.search.privacy;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/admin/erasures} (ADMIN): erases the contact of the resident whose tracking code is
 * given, in the body so the code never lands in an access log.
 */
@Controller("/api/admin/erasures")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ErasureController {

    private final ContactErasure erasure;

    public ErasureController(ContactErasure erasure) {
        this.erasure = erasure;
    }

    public record ErasureRequest(String trackingCode) {
    }

    @Post
    public ContactErasure.Erased erase(@Body Optional<ErasureRequest> body, Authentication authentication) {
        String code = body.map(ErasureRequest::trackingCode).filter(c -> !c.isBlank())
                .orElseThrow(() -> new ProblemException(Problem.invalidInput(List.of(new FieldError("trackingCode", "required",
                        "Nhập mã tra cứu của kiến nghị có liên hệ cần xóa.",
                        "Give the tracking code of the petition whose contact is to be erased.")))));
        return erasure.erase(code, Caller.of(authentication).username());
    }
}
