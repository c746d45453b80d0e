package io.langnghe.routing;

import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A petition as ingest-service sends it, with defaults a test overrides where it matters. */
final class TestFeedback {

    private String feedbackId = "fb-1";
    private String trackingCode = "DS-0001";
    private Channel channel = Channel.WEB;
    private Instant receivedAt = Instant.parse("2025-09-15T02:00:00Z");
    private String text = "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên";
    private String area = "tdp-05";
    private String address = "số 12 ngõ 5";
    private Contact contact = new Contact("Nguyễn Văn A", "+84901234567", "+84 90x xxx x67", "hash-1", true);
    private String batchId;
    private String caseRef;
    private List<FeedbackReceived.PhotoRef> photos = List.of();

    static TestFeedback feedback() {
        return new TestFeedback();
    }

    TestFeedback id(String feedbackId) {
        this.feedbackId = feedbackId;
        this.trackingCode = "DS-" + feedbackId;
        return this;
    }

    TestFeedback text(String text) {
        this.text = text;
        return this;
    }

    TestFeedback address(String address) {
        this.address = address;
        return this;
    }

    TestFeedback area(String area) {
        this.area = area;
        return this;
    }

    TestFeedback channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    TestFeedback receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    /** Sent by the resident whose contact hashes to this (null: a resident who left no contact). */
    TestFeedback reporter(String contactHash) {
        this.contact = contactHash == null ? Contact.none() : new Contact(null, null, null, contactHash, false);
        return this;
    }

    /** About the case of this tracking code (a repeat call). */
    TestFeedback caseRef(String trackingCode) {
        this.caseRef = trackingCode;
        return this;
    }

    TestFeedback photos(List<FeedbackReceived.PhotoRef> photos) {
        this.photos = photos;
        return this;
    }

    FeedbackReceived build() {
        return new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, feedbackId, trackingCode, channel, receivedAt, text,
                area, address, contact, batchId, caseRef, "idem-" + feedbackId, Map.of(), photos, null, null);
    }
}
