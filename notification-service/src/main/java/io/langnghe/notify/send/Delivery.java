package io.langnghe.notify.send;

/**
 * What a channel made of a message.
 *
 * @param status    sent (handed over) or suppressed (the channel may not carry it, e.g. outside Zalo's window)
 * @param template  the template used, when the channel chose another (a ZNS template), else null
 * @param gatewayId the channel's id of the message, for delivery receipts, or null
 * @param note      why, for the history, or null
 */
public record Delivery(String status, String template, String gatewayId, String note) {

    public static Delivery sent(String gatewayId) {
        return new Delivery("sent", null, gatewayId, null);
    }

    public static Delivery suppressed(String note) {
        return new Delivery("suppressed", null, null, note);
    }

    public Delivery withTemplate(String template) {
        return new Delivery(status, template, gatewayId, note);
    }

    public Delivery withNote(String note) {
        return new Delivery(status, template, gatewayId, note);
    }
}
