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
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a username and password against the bcrypt hashes of the account directory, after
 * {@link LoginThrottle} lets the account and the address try, and writes each outcome to
 * {@link LoginAudit}; a throttled refusal carries the seconds to wait ({@link #throttledSeconds}), which
 * the service answers as 429. An unknown user costs one bcrypt check at the accounts' own cost, so the answer
 * takes as long as for a known one.
 */
@Singleton
public class PasswordLogin<B> implements HttpRequestAuthenticationProvider<B> {

    private static final String THROTTLED = "throttled:";
    private static final Pattern COST = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$");

    private final AccountDirectory accounts;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final ClientAddress clientAddress;
    // Compared against when the user is unknown, at the cost of the real hashes.
    private final String unknownUserHash;

    public PasswordLogin(AccountDirectory accounts, LoginThrottle throttle, LoginAudit audit, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
        this.throttle = throttle;
        this.audit = audit;
        this.unknownUserHash = BCrypt.hashpw("no such account", BCrypt.gensalt(cost(accounts)));
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> login) {
        String username = login.getIdentity();
        String password = login.getSecret();
        String address = clientAddress.of(request);
        OptionalLong wait = throttle.secondsToWait(username, address);
        if (wait.isPresent()) {
            audit.refused(username, address, "throttled");
            return AuthenticationResponse.failure(THROTTLED + wait.getAsLong());
        }
        var account = accounts.find(username);
        String hash = account.map(Account::passwordHash).orElse(unknownUserHash);
        boolean matches = password != null && checkQuietly(password, hash);
        if (account.isEmpty() || !matches) {
            throttle.failed(username, address);
            audit.refused(username, address, "wrong_credentials");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(username, address);
        audit.loggedIn(username, address, account.get().role());
        Map<String, Object> attributes = new HashMap<>();
        if (account.get().department() != null) {
            attributes.put(Roles.DEPARTMENT_CLAIM, account.get().department());
        }
        return AuthenticationResponse.success(username, List.of(account.get().role()), attributes);
    }

    /** The seconds a throttled refusal asks to wait, or 0 for any other refusal. */
    public static long throttledSeconds(String failureMessage) {
        if (failureMessage == null || !failureMessage.startsWith(THROTTLED)) {
            return 0;
        }
        return Long.parseLong(failureMessage.substring(THROTTLED.length()));
    }

    /** The highest cost among the accounts' hashes (the cost HashPassword uses when there are none). */
    static int cost(AccountDirectory accounts) {
        return accounts.all().stream().map(Account::passwordHash).map(COST::matcher).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(HashPassword.COST);
    }

    private static boolean checkQuietly(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
