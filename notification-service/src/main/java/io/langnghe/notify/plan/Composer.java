package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.text.Redaction;
import io.langnghe.notify.text.SmsText;
import io.langnghe.notify.text.Templates;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the message one event of a case calls for, on the resident's channel, from the templates.
 * An SMS answer is shortened until the whole message fits the part limit; nothing but the tracking
 * code, the link, the department and the ward's own (redacted) words goes into a text.
 */
public final class Composer {

    private static final String ELLIPSIS = "...";

    private final Templates templates;
    private final Taxonomy taxonomy;
    private final String trackingUrl;
    private final String language;
    private final boolean smsUnicode;
    private final int smsMaxParts;

    public Composer(Templates templates, Taxonomy taxonomy, String trackingUrl, String language, boolean smsUnicode, int smsMaxParts) {
        this.templates = templates;
        this.taxonomy = taxonomy;
        this.trackingUrl = trackingUrl;
        this.language = language;
        this.smsUnicode = smsUnicode;
        this.smsMaxParts = smsMaxParts;
    }

    public NotificationRequest compose(CaseState state, NoticeEvent event, long version, Reach reach, Instant now) {
        String template = Templates.name(reach.channel(), event.code(), language);
        Map<String, String> values = values(state);
        String subject = null;
        String text;
        boolean unicode = false;
        if (Reach.SMS.equals(reach.channel())) {
            SmsText.Encoded sms = fitSms(template, values);
            text = sms.text();
            unicode = sms.unicode();
        } else {
            text = templates.fill(template, values);
            if (Reach.EMAIL.equals(reach.channel())) {
                int newline = text.indexOf('\n');
                subject = newline < 0 ? text : text.substring(0, newline).strip();
                text = newline < 0 ? "" : text.substring(newline + 1).strip();
            }
        }
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, key(state.caseId(), version, reach.channel()),
                state.caseId(), version, state.trackingCode(), event.code(), reach.channel(), reach.recipient(), template,
                language, subject, text, state.urgent(), now, List.of(), reach.interactedAt(), unicode, reach.phone(), reach.sealed());
    }

    /** One message per case version and channel: what makes a resend recognisable. */
    public static String key(String caseId, long version, String channel) {
        return caseId + ":" + version + ":" + channel;
    }

    private SmsText.Encoded fitSms(String template, Map<String, String> values) {
        SmsText.Encoded whole = SmsText.encode(templates.fill(template, values), smsUnicode);
        String answer = values.get("answer");
        if (whole.parts() <= smsMaxParts || answer.isEmpty()) {
            return whole.parts() <= smsMaxParts ? whole : truncate(whole);
        }
        // the longest start of the answer that keeps the message within the limit
        int low = 0;
        int high = answer.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (withAnswer(template, values, answer, mid).parts() <= smsMaxParts) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        SmsText.Encoded fitted = withAnswer(template, values, answer, low);
        return fitted.parts() <= smsMaxParts ? fitted : truncate(fitted);
    }

    private SmsText.Encoded withAnswer(String template, Map<String, String> values, String answer, int length) {
        Map<String, String> shortened = new HashMap<>(values);
        shortened.put("answer", answer.substring(0, length).strip() + ELLIPSIS);
        return SmsText.encode(templates.fill(template, shortened), smsUnicode);
    }

    private SmsText.Encoded truncate(SmsText.Encoded encoded) {
        int limit = encoded.unicode() ? smsMaxParts * 67 : smsMaxParts * 153;
        String text = encoded.text().substring(0, Math.min(encoded.text().length(), limit - 2));
        return SmsText.encode(text, encoded.unicode());
    }

    private Map<String, String> values(CaseState state) {
        Map<String, String> values = new HashMap<>();
        String code = state.trackingCode() == null ? "" : TrackingCode.display(state.trackingCode());
        values.put("code", code);
        values.put("link", trackingUrl + (state.trackingCode() == null ? "" : TrackingCode.normalise(state.trackingCode())));
        values.put("answer", state.publicAnswer() == null ? "" : Redaction.redact(state.publicAnswer().strip()));
        values.put("reason", Redaction.redact(lastNote(state.history(), CaseStatus.REJECTED)));
        values.put("department", state.department() == null ? "" : taxonomy.department(state.department())
                .map(d -> "en".equals(language) ? d.en() : d.vi()).orElse(state.department()));
        return values;
    }

    private static String lastNote(List<HistoryEntry> history, CaseStatus status) {
        if (history == null) {
            return "";
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.status() == status && entry.note() != null) {
                return entry.note();
            }
        }
        return "";
    }
}
