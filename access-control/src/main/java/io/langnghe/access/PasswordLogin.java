package io.langnghe.access;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a username and password against the bcrypt hashes of the account directory. */
@Singleton
public class PasswordLogin<B> implements HttpRequestAuthenticationProvider<B> {

    // Compared against when the user is unknown, so both answers take the same time.
    private static final String UNKNOWN_USER_HASH = BCrypt.hashpw("no such account", BCrypt.gensalt(6));

    private final AccountDirectory accounts;

    public PasswordLogin(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> login) {
        String username = login.getIdentity();
        String password = login.getSecret();
        var account = accounts.find(username);
        String hash = account.map(Account::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = password != null && checkQuietly(password, hash);
        if (account.isEmpty() || !matches) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        Map<String, Object> attributes = new HashMap<>();
        if (account.get().department() != null) {
            attributes.put(Roles.DEPARTMENT_CLAIM, account.get().department());
        }
        return AuthenticationResponse.success(username, List.of(account.get().role()), attributes);
    }

    private static boolean checkQuietly(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
