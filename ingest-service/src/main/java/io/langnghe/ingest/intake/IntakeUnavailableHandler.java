package io.langnghe.ingest.intake;

import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 503 with Retry-After: the petition was not stored, so the client must send it again. */
@Singleton
public class IntakeUnavailableHandler implements ExceptionHandler<IntakeUnavailableException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeUnavailableHandler.class);

    private final IntakeLimits limits;

    public IntakeUnavailableHandler(IntakeLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, IntakeUnavailableException exception) {
        LOG.warn("Petition not accepted, answering 503: {}: {}", exception.getMessage(),
                exception.getCause() == null ? "" : exception.getCause().toString());
        long seconds = Math.max(1, limits.retryAfter().toSeconds());
        return Problem.of("unavailable", "Tạm thời không tiếp nhận được / Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                        "Kiến nghị CHƯA được lưu; vui lòng gửi lại sau " + seconds + " giây. "
                                + "/ The petition was NOT stored; please send it again in " + seconds + " seconds.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
