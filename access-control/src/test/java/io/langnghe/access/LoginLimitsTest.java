package io.langnghe.access;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed per account and per address with a growing wait, an unknown user costs
 * the same bcrypt work as a known one, and every login and refusal is in the audit log without the
 * password. search-service's LoginLimitsTest checks the 429 and Retry-After over HTTP.
 */
class LoginLimitsTest {

    private ApplicationContext context;
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of("langnghe.local-stack", "true", "langnghe.secrets.jwt", "langnghe-demo",
                "langnghe.trusted-proxies", "10.0.0.9"));
        audit.start();
        ((Logger) LoggerFactory.getLogger(LoginAudit.LOGGER)).addAppender(audit);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(LoginAudit.LOGGER)).detachAppender(audit);
        context.close();
    }

    @Test
    void theWaitGrowsWithEachWrongPasswordAfterTheFreeOnesAndARightOneClearsIt() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = new LoginThrottle(5, 5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("lanhdao", "203.0.113.7");
        }
        assertThat(throttle.secondsToWait("lanhdao", "203.0.113.7")).as("four mistakes are free").isEmpty();

        throttle.failed("lanhdao", "203.0.113.7");
        long first = throttle.secondsToWait("lanhdao", "203.0.113.7").orElseThrow();
        throttle.failed("lanhdao", "203.0.113.7");
        throttle.failed("lanhdao", "203.0.113.7");
        long third = throttle.secondsToWait("LanhDao", "198.51.100.1").orElseThrow();

        assertThat(first).isEqualTo(1);
        assertThat(third).as("per account, whatever the address").isEqualTo(4);
        assertThat(throttle.secondsToWait("canbo.cong_an", "203.0.113.7")).as("per address, whatever the account").hasValue(4);
        for (int i = 0; i < 30; i++) {
            throttle.failed("lanhdao", "203.0.113.7");
        }
        assertThat(throttle.secondsToWait("lanhdao", null)).as("at most the longest wait").hasValue(Duration.ofMinutes(15).toSeconds());

        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.secondsToWait("lanhdao", "203.0.113.7")).isEmpty();
        throttle.succeeded("lanhdao", "203.0.113.7");
        throttle.failed("lanhdao", "203.0.113.7");
        assertThat(throttle.secondsToWait("lanhdao", "203.0.113.7")).as("a right password starts over").isEmpty();
    }

    @Test
    void aLockedAccountIsRefusedEvenWithTheRightPasswordAndEveryOutcomeIsAuditedWithoutThePassword() {
        PasswordLogin<Object> login = login();
        HttpRequest<Object> fromOutside = fromAddress("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(login.authenticate(fromOutside, credentials("lanhdao", "doan-mat-khau-" + i)).isAuthenticated()).isFalse();
        }

        AuthenticationResponse locked = login.authenticate(fromOutside, credentials("lanhdao", "langnghe-demo"));

        assertThat(locked.isAuthenticated()).isFalse();
        assertThat(PasswordLogin.throttledSeconds(locked.getMessage().orElseThrow())).isPositive();
        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5)).allMatch(line -> line.contains("outcome=refused reason=wrong_credentials user=lanhdao address=203.0.113.7"));
        assertThat(lines.get(5)).contains("outcome=refused reason=throttled user=lanhdao");
        assertThat(String.join("\n", lines)).doesNotContain("doan-mat-khau", "langnghe-demo");
    }

    @Test
    void aLoginIsAuditedAndAForgedUsernameCannotForgeALine() {
        PasswordLogin<Object> login = login();

        login.authenticate(fromAddress("203.0.113.8"), credentials("lanhdao", "langnghe-demo"));
        login.authenticate(fromAddress("203.0.113.8"), credentials("x\nlogin outcome=ok user=lanhdao", "p"));

        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines.get(0)).isEqualTo("login outcome=ok user=lanhdao address=203.0.113.8 role=LEADER");
        assertThat(lines.get(1)).doesNotContain("\n").startsWith("login outcome=refused");
    }

    @Test
    void forwardedForIsReadOnlyFromATrustedProxy() {
        ClientAddress addresses = context.getBean(ClientAddress.class);

        assertThat(addresses.of(fromAddress("203.0.113.7").header("X-Forwarded-For", "1.2.3.4"))).as("not a proxy of ours").isEqualTo("203.0.113.7");
        assertThat(addresses.of(fromAddress("10.0.0.9").header("X-Forwarded-For", "1.2.3.4, 198.51.100.5"))).isEqualTo("198.51.100.5");
        assertThat(addresses.of(fromAddress("10.0.0.9"))).isEqualTo("10.0.0.9");
    }

    @Test
    void anUnknownUserCostsTheSameBcryptWorkAsTheAccounts() {
        AccountDirectory accounts = context.getBean(AccountDirectory.class);

        int cost = PasswordLogin.cost(accounts);

        assertThat(accounts.all()).allSatisfy(account -> assertThat(account.passwordHash()).contains(String.format("$%02d$", cost)));
    }

    @SuppressWarnings("unchecked")
    private PasswordLogin<Object> login() {
        return context.getBean(PasswordLogin.class);
    }

    private static io.micronaut.http.MutableHttpRequest<Object> fromAddress(String address) {
        return new io.micronaut.http.simple.SimpleHttpRequest<>(io.micronaut.http.HttpMethod.POST, "/login", null) {
            @Override
            public java.net.InetSocketAddress getRemoteAddress() {
                return new java.net.InetSocketAddress(address, 50_000);
            }
        };
    }

    private static UsernamePasswordCredentials credentials(String user, String password) {
        return new UsernamePasswordCredentials(user, password);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
