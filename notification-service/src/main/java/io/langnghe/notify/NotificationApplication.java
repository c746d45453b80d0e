package io.langnghe.notify;

import io.micronaut.runtime.Micronaut;

/** notification-service: tells residents when their case changes, and staff what waits for them. */
public final class NotificationApplication {

    private NotificationApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(NotificationApplication.class, args);
    }
}
