package io.langnghe.search.problem;

import io.langnghe.access.LoginThrottle;
import io.langnghe.access.PasswordLogin;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.security.authentication.AuthenticationExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A refused login as problem+json in both languages: 401 for a wrong username or password (the same
 * answer for an unknown user), 429 with Retry-After while {@link LoginThrottle} makes the account or
 * the address wait.
 */
@Produces
@Singleton
@Replaces(AuthenticationExceptionHandler.class)
public class LoginRefusalHandler implements ExceptionHandler<AuthenticationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthenticationException exception) {
        // the bearer login handler passes the refusal's message on, with or without the response
        String message = exception.getResponse() != null ? exception.getResponse().getMessage().orElse(null) : exception.getMessage();
        long wait = PasswordLogin.throttledSeconds(message);
        if (wait > 0) {
            return new Problem("urn:langnghe:problem:too-many-logins", "Quá nhiều lần đăng nhập sai / Too many failed logins", 429,
                    "Vui lòng thử lại sau " + wait + " giây. / Please try again in " + wait + " seconds.", List.of())
                    .toResponse().header(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        }
        return new Problem("urn:langnghe:problem:login-refused", "Sai tên đăng nhập hoặc mật khẩu / Wrong username or password", 401,
                "Kiểm tra lại tên đăng nhập và mật khẩu. / Check the username and password.", List.of()).toResponse();
    }
}
