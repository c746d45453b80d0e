package io.langnghe.search.tracking;

import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Four digits are 10,000 guesses: after {@value #MAX_WRONG} wrong proofs for one tracking code, that
 * code may not try again for {@link #LOCKED} (per instance, in memory, at most {@value #MAX_CODES}
 * codes remembered; the per-address limit in front bounds the rest). The digits are compared in
 * constant time.
 */
@Singleton
public class ProofGuesses {

    static final int MAX_WRONG = 5;
    static final Duration LOCKED = Duration.ofHours(24);
    static final int MAX_CODES = 100_000;

    private final Clock clock;
    private final Map<String, Wrong> wrong = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Wrong> eldest) {
            return size() > MAX_CODES;
        }
    };

    private record Wrong(int count, long since) {
    }

    public ProofGuesses() {
        this(Clock.systemUTC());
    }

    ProofGuesses(Clock clock) {
        this.clock = clock;
    }

    /** How long the code must wait before it may try a proof again, or empty when it may now. */
    public synchronized OptionalLong secondsToWait(String trackingCode) {
        Wrong seen = wrong.get(trackingCode);
        if (seen == null || seen.count() < MAX_WRONG) {
            return OptionalLong.empty();
        }
        long left = seen.since() + LOCKED.toMillis() - clock.millis();
        if (left <= 0) {
            wrong.remove(trackingCode);
            return OptionalLong.empty();
        }
        return OptionalLong.of((left + 999) / 1000);
    }

    /** Whether the digits are the last four of the phone; a wrong one is counted against the code. */
    public boolean check(String trackingCode, String phone, String digits) {
        String lastFour = phone.replaceAll("\\D", "");
        lastFour = lastFour.substring(Math.max(0, lastFour.length() - 4));
        boolean right = digits != null && MessageDigest.isEqual(lastFour.getBytes(StandardCharsets.US_ASCII),
                digits.getBytes(StandardCharsets.US_ASCII));
        synchronized (this) {
            if (right) {
                wrong.remove(trackingCode);
            } else {
                Wrong seen = wrong.get(trackingCode);
                wrong.put(trackingCode, seen == null ? new Wrong(1, clock.millis()) : new Wrong(seen.count() + 1, seen.since()));
            }
        }
        return right;
    }
}
