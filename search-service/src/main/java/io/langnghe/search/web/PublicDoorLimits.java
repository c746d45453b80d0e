package io.langnghe.search.web;

import io.langnghe.access.ClientAddress;
import io.langnghe.search.publicread.PublicReadLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;

import java.util.OptionalLong;

/**
 * Every anonymous door of search-service is limited per address before any work is done: tracking
 * (with the answer's photos), rating, look-alike cases and login, each counted on its own
 * ({@code langnghe.public-reads.per-ip-per-door} per window); the public list counts in its
 * controller. The address is the client's as {@link ClientAddress} reads it.
 */
@ServerFilter({"/api/track/**", "/api/similar", "/api/similar/**", "/login"})
public class PublicDoorLimits {

    private final PublicReadLimits limits;
    private final ClientAddress clientAddress;

    public PublicDoorLimits(PublicReadLimits limits, ClientAddress clientAddress) {
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    /** null lets the request through; else the 429 with Retry-After. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        String path = request.getPath();
        String door = path.startsWith("/api/track/") ? (path.endsWith("/rating") ? "rate" : "track")
                : path.startsWith("/api/similar") ? "similar" : "login";
        OptionalLong wait = limits.secondsToWaitAtDoor(door, clientAddress.of(request));
        return wait.isPresent() ? PublicReadLimits.tooMany(wait.getAsLong()) : null;
    }
}
