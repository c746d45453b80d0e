package io.langnghe.notify.send;

import io.langnghe.contracts.NotificationRequest;

/**
 * A channel with no gateway configured (the local stack): the message is only written to the outbox,
 * where a newcomer reads what the resident would have received.
 */
public record OutboxOnly(String channel) implements ChannelAdapter {

    @Override
    public Delivery send(NotificationRequest request) {
        return Delivery.sent(null).withNote("no " + channel + " gateway configured: captured in the outbox only");
    }
}
