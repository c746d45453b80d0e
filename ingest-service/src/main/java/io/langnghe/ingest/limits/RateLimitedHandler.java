package io.langnghe.ingest.limits;

import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 429 problem+json with Retry-After in whole seconds. */
@Singleton
public class RateLimitedHandler implements ExceptionHandler<RateLimitedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RateLimitedException exception) {
        long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
        String detail = exception.byPhone()
                ? "Số điện thoại này đã gửi nhiều kiến nghị trong thời gian ngắn; vui lòng thử lại sau " + seconds + " giây. "
                        + "/ This phone number sent many petitions in a short time; please try again in " + seconds + " seconds."
                : "Có quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau " + seconds + " giây. "
                        + "/ Too many requests from this address; please try again in " + seconds + " seconds.";
        return Problem.of("rate-limited", "Quá nhiều yêu cầu / Too many requests", HttpStatus.TOO_MANY_REQUESTS, detail)
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
