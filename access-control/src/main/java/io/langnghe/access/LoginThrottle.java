package io.langnghe.access;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Slows password guessing per account and per address: the first wrong passwords cost nothing (5 for
 * an account; 20 for an address, which a ward office or a phone network may share), then each
 * further one doubles the wait before the next try (1 s, 2 s, 4 s, … at most {@code maxWait}), so a
 * person who mistypes is not hindered and a script is. A right password
 * clears the account and the address. In memory per instance, at most {@value #MAX_TRACKED}
 * accounts and addresses remembered (the oldest forgotten first).
 */
@Singleton
public class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private final int freePerAccount;
    private final int freePerAddress;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** @param lastAt when the last wrong password came */
    private record Failures(int count, long lastAt) {
    }

    public LoginThrottle(@Value("${langnghe.login.free-failures-per-account:5}") int freePerAccount,
                         @Value("${langnghe.login.free-failures-per-address:20}") int freePerAddress,
                         @Value("${langnghe.login.max-wait:15m}") Duration maxWait) {
        this(freePerAccount, freePerAddress, maxWait, Clock.systemUTC());
    }

    LoginThrottle(int freePerAccount, int freePerAddress, Duration maxWait, Clock clock) {
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Seconds the account or the address must still wait before trying a password, or empty. */
    public synchronized OptionalLong secondsToWait(String username, String address) {
        long millis = Math.max(waitMillis(accountKey(username), freePerAccount), waitMillis(addressKey(address), freePerAddress));
        return millis <= 0 ? OptionalLong.empty() : OptionalLong.of((millis + 999) / 1000);
    }

    public synchronized void failed(String username, String address) {
        long now = clock.millis();
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            Failures seen = failures.get(key);
            failures.put(key, new Failures(seen == null ? 1 : seen.count() + 1, now));
        }
    }

    public synchronized void succeeded(String username, String address) {
        failures.remove(accountKey(username));
        failures.remove(addressKey(address));
    }

    private long waitMillis(String key, int free) {
        Failures seen = failures.get(key);
        if (seen == null || seen.count() < free) {
            return 0;
        }
        // 2^(count - free) seconds: the free-th failure already costs a second
        int doublings = Math.min(30, seen.count() - free);
        long delay = Math.min(maxWait.toMillis(), 1000L << doublings);
        long left = seen.lastAt() + delay - clock.millis();
        if (left <= 0 && clock.millis() - seen.lastAt() > maxWait.toMillis() * 4) {
            // quiet for long: forgive, so a year-old streak does not cost a day's first mistake
            failures.remove(key);
        }
        return left;
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
