package io.langnghe.ingest.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Per-address and per-phone limits of the public doors (resident web, tracking, SMS). In memory and
 * per instance: behind a load balancer each instance limits on its own, which still stops a script.
 * The address is the TCP peer; a proxy in front must be taken into account before trusting
 * X-Forwarded-For, so it is not read here.
 */
@Singleton
public class RateLimits {

    private final RateLimitSettings settings;
    private final Cache<String, TokenBucket> buckets;

    public RateLimits(RateLimitSettings settings) {
        this.settings = settings;
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
        InetSocketAddress peer = request.getRemoteAddress();
        if (settings.exemptLoopback() && peer.getAddress() != null && peer.getAddress().isLoopbackAddress()) {
            return;
        }
        String address = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
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
