package io.langnghe.notify.send;

import io.langnghe.contracts.NotificationRequest;

/** One way to reach people (SMS gateway, Zalo OA, SMTP), configured by environment. */
public interface ChannelAdapter {

    /** sms, zalo or email. */
    String channel();

    /**
     * Hands the message over. Returns what the channel said; throws {@link SendFailure} when it failed
     * (retryable or not), so the sender can try again or set it aside.
     */
    Delivery send(NotificationRequest request) throws SendFailure;
}
