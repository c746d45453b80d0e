package io.langnghe.routing.api;

import io.langnghe.access.Roles;
import io.langnghe.routing.lifecycle.DeadlineClock;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /api/clock {"moveForward":"P1D"}}: the fault drill's way to move the deadline watch's
 * clock. It exists only where {@code langnghe.routing.clock.movable} is true (the chaos suite's stack),
 * never in a deployment, and only an administrator may use it.
 */
@Controller("/api/clock")
@Secured(Roles.ADMIN)
@Requires(property = "langnghe.routing.clock.movable", value = "true")
class ClockController {

    private static final Logger LOG = LoggerFactory.getLogger(ClockController.class);
    private static final Duration AT_MOST = Duration.ofDays(400);

    private final DeadlineClock clock;

    ClockController(DeadlineClock clock) {
        this.clock = clock;
    }

    record Move(String moveForward) {
    }

    @Get
    Map<String, String> now() {
        return Map.of("offset", clock.offset().toString(), "now", clock.now(System.currentTimeMillis()).toString());
    }

    @Post
    HttpResponse<?> move(@Body Move move) {
        Duration by;
        try {
            by = move == null || move.moveForward() == null ? null : Duration.parse(move.moveForward());
        } catch (DateTimeParseException e) {
            by = null;
        }
        if (by == null || by.isNegative() || by.isZero() || by.compareTo(AT_MOST) > 0) {
            return Problem.invalid("moveForward", "Cần một khoảng thời gian dương theo ISO-8601, tối đa 400 ngày, ví dụ \"P1D\".",
                    "Needs a positive ISO-8601 duration of at most 400 days, e.g. \"P1D\".");
        }
        Duration offset = clock.moveForward(by);
        LOG.warn("The deadline clock moved forward by {}; it now runs {} ahead of the wall clock", by, offset);
        return HttpResponse.ok(Map.of("offset", offset.toString(), "now", clock.now(System.currentTimeMillis()).toString()));
    }
}
