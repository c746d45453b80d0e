package io.langnghe.ingest.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.langnghe.access.ClientAddress;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import io.langnghe.access.ClientAddress;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-address and per-phone limits of the public doors (resident web, tracking, SMS). In memory and
 * per instance: behind a load balancer each instance limits on its own, which still stops a script.
 * The address is the client's as {@link ClientAddress} reads it: X-Forwarded-For only from a
 * configured trusted proxy ({@code langnghe.trusted-proxies}).
 */
@Singleton
public class RateLimits {

    private final RateLimitSettings settings;
    private final Cache<String, TokenBucket> buckets;
    private final ClientAddress clientAddress;
    private final Set<String> trusted;

    public RateLimits(RateLimitSettings settings, ClientAddress clientAddress) {
        this.settings = settings;
        this.clientAddress = clientAddress;
        this.trusted = settings.trustedAddresses().stream().map(String::strip).filter(a -> !a.isEmpty())
                .map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet());
        Duration idle = settings.ipWindow().compareTo(settings.phoneWindow()) > 0 ? settings.ipWindow() : settings.phoneWindow();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(settings.maxTrackedSenders()).build();
    }

    /** A petition from the public: counts against its address and, when it gives one, its phone. */
    public void checkPetition(HttpRequest<?> request, VietnamesePhone phone) {
        checkAddress(request);
        if (phone != null) {
            checkPhone(phone);
        }
    }

    /** @throws RateLimitedException when the address used up its requests */
    public void checkAddress(HttpRequest<?> request) {
        String address = clientAddress.of(request);
        if (settings.exemptLoopback() && trusted.contains(address)) {
            return;
        }
        take("ip:" + address, settings.perIp(), settings.ipWindow(), false);
    }

    /** @throws RateLimitedException when the phone used up its petitions */
    public void checkPhone(VietnamesePhone phone) {
        take("phone:" + phone.e164(), settings.perPhone(), settings.phoneWindow(), true);
    }

    private void take(String sender, int capacity, Duration window, boolean byPhone) {
        long now = System.nanoTime();
        Duration wait = buckets.get(sender, key -> new TokenBucket(capacity, window, now)).take(now);
        if (!wait.isZero()) {
            throw new RateLimitedException(wait, byPhone);
        }
    }
}
