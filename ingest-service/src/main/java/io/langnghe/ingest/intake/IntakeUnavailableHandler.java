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

/**
 * 503 with Retry-After when Kafka did not confirm the petition in time. Kafka may still have stored it
 * (an acknowledgement lost on its way, a send that completes after the timeout), so the answer says so,
 * and says what is safe: the same petition again with the same Idempotency-Key, which files it once.
 */
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
                        "Chưa xác nhận được kiến nghị đã được lưu hay chưa: có thể đã lưu. Vui lòng gửi lại sau " + seconds
                                + " giây với CÙNG Idempotency-Key; kiến nghị sẽ không bị ghi hai lần. "
                                + "/ The petition could not be confirmed and may have been stored. Please send it again in "
                                + seconds + " seconds with the SAME Idempotency-Key; it will not be filed twice.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
