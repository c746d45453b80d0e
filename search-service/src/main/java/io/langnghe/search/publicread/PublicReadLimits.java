package io.langnghe.search.publicread;

import io.langnghe.access.ClientAddress;
import io.langnghe.search.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts public reads per address in fixed windows (in memory, per instance): enough to stop a
 * script walking every page, generous for a person or a civic app. A fixed window may let twice the
 * limit through across its edge; for reads of public data that is acceptable. The address is the
 * client's as {@link ClientAddress} reads it: X-Forwarded-For only from a trusted proxy.
 */
@Singleton
public class PublicReadLimits {

    private final PublicReadSettings settings;
    private final Clock clock;
    private volatile long windowStart;
    private volatile Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public PublicReadLimits(PublicReadSettings settings) {
        this(settings, Clock.systemUTC());
    }

    PublicReadLimits(PublicReadSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.windowStart = clock.millis();
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
        String key = door + " " + address.getHostAddress();
        long now = clock.millis();
        long windowMillis = settings.window().toMillis();
        if (now - windowStart >= windowMillis) {
            synchronized (this) {
                if (now - windowStart >= windowMillis) {
                    counts = new ConcurrentHashMap<>();
                    windowStart = now;
                }
            }
        }
        Map<String, AtomicInteger> current = counts;
        if (current.size() >= settings.maxTrackedAddresses() && !current.containsKey(key)) {
            // Too many strangers at once: refuse newcomers rather than grow without bound.
            return secondsLeft(windowMillis - (now - windowStart));
        }
        int used = current.computeIfAbsent(key, a -> new AtomicInteger()).incrementAndGet();
        return used > limit ? secondsLeft(windowMillis - (now - windowStart)) : OptionalLong.empty();
    }

    private static OptionalLong secondsLeft(long millis) {
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
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
