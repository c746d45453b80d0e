package io.langnghe.ingest.similar;

import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.Problem;
import io.langnghe.ingest.web.LimitedBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.InputStream;

/**
 * {@code POST /api/login}: the hotline console signs in at search-service's {@code /login}, the one
 * place accounts are checked, through this same-origin door (no cross-origin access to open). Limited
 * per address, so passwords cannot be tried quickly.
 */
@Controller("/api/login")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private static final int MAX_BODY = 4096;

    private final SearchProxy search;
    private final RateLimits rateLimits;

    public LoginController(SearchProxy search, RateLimits rateLimits) {
        this.search = search;
        this.rateLimits = rateLimits;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Nullable @Body InputStream body, HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        byte[] credentials = LimitedBody.read(body, MAX_BODY);
        if (credentials.length == 0) {
            return refused();
        }
        try {
            SearchProxy.Answer answer = search.login(credentials);
            if (answer.status() == 200 && answer.body() != null && answer.body().hasNonNull("access_token")) {
                return HttpResponse.ok(answer.body()).header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
                return refused();
            }
        } catch (SearchProxy.SearchUnavailableException e) {
            // answered below
        }
        return Problem.of("login-unavailable", "Tạm thời không đăng nhập được / Sign-in temporarily unavailable",
                HttpStatus.SERVICE_UNAVAILABLE, "Vui lòng thử lại sau ít phút. / Please try again in a few minutes.")
                .toResponse().header(HttpHeaders.RETRY_AFTER, "30");
    }

    private static HttpResponse<Problem> refused() {
        return Problem.of("login-refused", "Sai tên đăng nhập hoặc mật khẩu / Wrong username or password", HttpStatus.UNAUTHORIZED,
                "Kiểm tra lại tên đăng nhập và mật khẩu. / Check the username and password.").toResponse();
    }
}
