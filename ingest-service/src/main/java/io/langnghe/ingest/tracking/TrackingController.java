package io.langnghe.ingest.tracking;

import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/**
 * {@code GET /api/track/{code}}: where a petition stands, for anyone holding its tracking code. Public.
 * A mistyped code (the check symbol catches it) is answered 400 without asking search-service.
 */
@Controller("/api/track")
@Secured(SecurityRule.IS_ANONYMOUS)
public class TrackingController {

    private final SearchTracking search;
    private final RateLimits rateLimits;

    public TrackingController(SearchTracking search, RateLimits rateLimits) {
        this.search = search;
        this.rateLimits = rateLimits;
    }

    @Get("/{code}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> track(String code, HttpRequest<?> request) {
        // Limited per address: codes carry 45 random bits, and nobody gets to try them quickly.
        rateLimits.checkAddress(request);
        TrackingCode parsed = TrackingCode.parse(code).orElse(null);
        if (parsed == null) {
            return Problem.invalidInput(List.of(new FieldError("code", "mistyped",
                    "Mã tra cứu không đúng; hãy kiểm tra lại từng ký tự (dạng XXXX-XXXX-XX).",
                    "This tracking code is not valid; please check each character (format XXXX-XXXX-XX)."))).toResponse();
        }
        try {
            return search.find(parsed)
                    .<HttpResponse<?>>map(status -> HttpResponse.ok(status).header(HttpHeaders.CACHE_CONTROL, "no-store"))
                    .orElseGet(() -> Problem.of("tracking-code-not-found", "Không tìm thấy mã tra cứu / Tracking code not found",
                            HttpStatus.NOT_FOUND,
                            "Vui lòng kiểm tra lại mã. Kiến nghị vừa gửi có thể cần vài giây mới tra cứu được. "
                                    + "/ Please check the code. A petition just sent may take a few seconds to appear.")
                            .toResponse());
        } catch (TrackingUnavailableException e) {
            return Problem.of("tracking-unavailable", "Tạm thời không tra cứu được / Tracking temporarily unavailable",
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Vui lòng thử lại sau ít phút. / Please try again in a few minutes.")
                    .toResponse()
                    .header(HttpHeaders.RETRY_AFTER, "30");
        }
    }
}
