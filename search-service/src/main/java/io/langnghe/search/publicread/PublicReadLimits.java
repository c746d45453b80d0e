package io.langnghe.search.publicread;

import io.langnghe.access.ClientAddress;
import io.langnghe.access.RateLimiter;
import io.langnghe.search.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Limits public reads per address (in memory, per instance) with the shared {@link RateLimiter}: a
 * burst of the limit, then one read per share of the window; enough to stop a script walking every
 * page, generous for a person or a civic app. The address is the client's as {@link ClientAddress}
 * reads it: X-Forwarded-For only from a trusted proxy.
 */
@Singleton
public class PublicReadLimits {

    private final PublicReadSettings settings;
    private final RateLimiter limiter;

    public PublicReadLimits(PublicReadSettings settings) {
        this(settings, Clock.systemUTC());
    }

    PublicReadLimits(PublicReadSettings settings, Clock clock) {
        this.settings = settings;
        this.limiter = new RateLimiter(settings.maxTrackedAddresses(), settings.window(),
                () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /** Counts one read of the public list; when the address used up its reads, how many seconds it must wait (else empty). */
    public OptionalLong secondsToWait(String client) {
        return secondsToWait("list", client, settings.perIp());
    }

    /** Counts one request at another door ("track", "similar", "login"), limited apart from the list. */
    public OptionalLong secondsToWaitAtDoor(String door, String client) {
        return secondsToWait(door, client, settings.perIpPerDoor());
    }

    private OptionalLong secondsToWait(String door, String client, int limit) {
        InetAddress address = literal(client);
        if (address == null || exempt(address)) {
            return OptionalLong.empty();
        }
        Duration wait = limiter.take(door + " " + address.getHostAddress(), limit, settings.window());
        return wait.isZero() ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** An address as ClientAddress gives it (always a literal); null when it is not one. */
    private static InetAddress literal(String client) {
        if (client == null || !client.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(client);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean exempt(InetAddress address) {
        if (settings.exemptLoopback() && isAny(address, settings.trustedAddresses())) {
            return true;
        }
        return isAny(address, settings.exemptAddresses());
    }

    private static boolean isAny(InetAddress address, List<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                // the JVM caches look-ups, so a host name costs a lookup only now and then
                for (InetAddress known : InetAddress.getAllByName(name.strip())) {
                    if (known.equals(address)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                // not resolvable now: not exempt
            }
        }
        return false;
    }

    /** The answer to an address that used up its reads: 429 with Retry-After. */
    public static MutableHttpResponse<Problem> tooMany(long seconds) {
        return new Problem("urn:langnghe:problem:too-many-requests", "Quá nhiều yêu cầu / Too many requests",
                HttpStatus.TOO_MANY_REQUESTS.getCode(),
                "Vui lòng thử lại sau " + seconds + " giây. / Please try again in " + seconds + " seconds.",
                List.of())
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
