package io.langnghe.ingest.limits;

import io.langnghe.access.ClientAddress;
import io.langnghe.access.RateLimiter;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-address and per-phone limits of the public doors (resident web, tracking, SMS), by the shared
 * {@link RateLimiter}. In memory and per instance: behind a load balancer each instance limits on its
 * own, which still stops a script. The address is the client's as {@link ClientAddress} reads it: X-Forwarded-For only from a
 * configured trusted proxy ({@code langnghe.trusted-proxies}).
 */
@Singleton
public class RateLimits {

    private final RateLimitSettings settings;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final Set<String> trusted;

    public RateLimits(RateLimitSettings settings, ClientAddress clientAddress) {
        this.settings = settings;
        this.clientAddress = clientAddress;
        this.trusted = settings.trustedAddresses().stream().map(String::strip).filter(a -> !a.isEmpty())
                .map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet());
        Duration idle = settings.ipWindow().compareTo(settings.phoneWindow()) > 0 ? settings.ipWindow() : settings.phoneWindow();
        this.limiter = new RateLimiter(settings.maxTrackedSenders(), idle);
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
        Duration wait = limiter.take(sender, capacity, window);
        if (!wait.isZero()) {
            throw new RateLimitedException(wait, byPhone);
        }
    }
}
