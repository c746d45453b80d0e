package io.langnghe.routing;

import io.micronaut.runtime.Micronaut;

/** routing-streams: classifies each petition, routes it to a department and publishes the case. */
public final class RoutingApplication {

    private RoutingApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(RoutingApplication.class, args);
    }
}
