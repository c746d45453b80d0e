package io.langnghe.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.text.LegacyVietnamese;
import io.langnghe.ingest.text.StoredText;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.text.VietnameseText;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /api/feedback} into a {@link Submission}, or says what is wrong
 * with every field at once, in Vietnamese and English. The body is read here rather than bound by
 * the framework so that size, malformed JSON and wrong types all get the same field-naming answer.
 */
@Singleton
public class FeedbackForm {

    /** Channels this endpoint takes; batches, SMS, Zalo and Open311 arrive through their own doors. */
    static final Set<Channel> CHANNELS = EnumSet.of(Channel.WEB, Channel.HOTLINE);

    private final Taxonomy taxonomy;
    private final IntakeLimits limits;

    public FeedbackForm(Taxonomy taxonomy, IntakeLimits limits) {
        this.taxonomy = taxonomy;
        this.limits = limits;
    }

    public Submission read(byte[] body) {
        return fields(parse(body), null);
    }

    /** The same fields sent as multipart/form-data strings; a checkbox's "on" (or "true") is consent. */
    public Submission read(Map<String, String> formFields) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        formFields.forEach((field, value) -> json.set(field, field.equals("consentToContact") ? checkbox(value) : json.textNode(value)));
        return fields(json, null);
    }

    /** A form checkbox as JSON: "on"/"true" and "false"/"" become booleans, anything else stays a (refused) string. */
    public static JsonNode checkbox(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("true")) {
            return JsonNodeFactory.instance.booleanNode(true);
        }
        if (v.isEmpty() || v.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(false);
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /**
     * The petition fields of one JSON object whose channel the caller already knows (a row of a
     * meeting batch): text, area, address, name, phone, consentToContact, checked as for the form.
     *
     * @throws InvalidInputException naming every bad field
     */
    public Submission readFields(JsonNode json, Channel channel) {
        return fields(json, channel);
    }

    private Submission fields(JsonNode json, Channel fixedChannel) {
        List<FieldError> errors = new ArrayList<>();

        String text = prose(json, "text", errors);
        boolean textIsString = errors.isEmpty();
        if (text == null && textIsString) {
            errors.add(new FieldError("text", "required", "Vui lòng nhập nội dung kiến nghị.", "Please write the petition text."));
        } else if (text != null && text.isEmpty()) {
            errors.add(new FieldError("text", "blank", "Nội dung kiến nghị đang để trống.", "The petition text is empty."));
        } else if (text != null && codePoints(text) > limits.maxTextCodePoints()) {
            errors.add(tooLong("text", "Nội dung kiến nghị", "The petition text", limits.maxTextCodePoints()));
        }

        Channel channel = fixedChannel != null ? fixedChannel : channel(json, errors);
        String area = area(json, errors);
        String address = bounded(json, "address", "Địa chỉ", "The address", limits.maxAddressCodePoints(), errors);
        String name = bounded(json, "name", "Họ tên", "The name", limits.maxNameCodePoints(), errors);
        VietnamesePhone phone = phone(json, errors);
        boolean consent = consent(json, errors);
        String caseRef = caseRef(json, errors);

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Submission(text, channel, area, address, name, phone, consent, caseRef);
    }

    private JsonNode parse(byte[] body) {
        return JsonBody.readObject(body, limits.maxBodyBytes());
    }

    public static FieldError bodyTooLarge(long maxBytes) {
        long kib = maxBytes / 1024;
        return new FieldError("body", "too_large",
                "Nội dung gửi lên vượt quá " + kib + " KiB.", "The body is larger than " + kib + " KiB.");
    }

    /**
     * Words a person wrote (text, address, name): like {@link #optionalText}, and typed with an old
     * TCVN3 or VNI font (an old Excel sheet, a pasted document) turned into Unicode first.
     */
    public static String prose(JsonNode json, String field, List<FieldError> errors) {
        JsonNode node = json.get(field);
        String raw = node != null && node.isTextual() ? node.textValue() : null;
        if (raw == null || hasLoneSurrogate(raw)) {
            return optionalText(json, field, errors);
        }
        if (StoredText.isStoredUnicodeProse(raw)) {
            return raw;
        }
        // Before normalising: TCVN3 writes ư as a soft hyphen, which normalising would drop.
        return VietnameseText.normalize(LegacyVietnamese.toUnicode(Normalizer.normalize(raw, Normalizer.Form.NFC)));
    }

    /** A string field, normalised (NFC, tidy blanks); null when absent or JSON null. */
    public static String optionalText(JsonNode json, String field, List<FieldError> errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "not_string", "Trường '" + field + "' phải là chuỗi ký tự.",
                    "'" + field + "' must be a string."));
            return null;
        }
        String raw = node.textValue();
        if (hasLoneSurrogate(raw)) {
            errors.add(new FieldError(field, "invalid_characters", "Trường '" + field + "' chứa ký tự Unicode không hợp lệ.",
                    "'" + field + "' contains invalid Unicode characters."));
            return null;
        }
        return VietnameseText.normalize(raw);
    }

    private Channel channel(JsonNode json, List<FieldError> errors) {
        int before = errors.size();
        String code = optionalText(json, "channel", errors);
        if (errors.size() > before) {
            return null;
        }
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError("channel", "required", "Vui lòng cho biết kênh tiếp nhận (web hoặc hotline).",
                    "Please give the channel (web or hotline)."));
            return null;
        }
        Channel channel = Channel.fromCode(code.toLowerCase(Locale.ROOT)).orElse(null);
        if (channel == null) {
            errors.add(new FieldError("channel", "unknown", "Kênh tiếp nhận '" + code + "' không tồn tại; dùng web hoặc hotline.",
                    "Unknown channel '" + code + "'; use web or hotline."));
            return null;
        }
        if (!CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "other_endpoint", "Kênh '" + channel.code() + "' có cổng tiếp nhận riêng; ở đây chỉ nhận web hoặc hotline.",
                    "Channel '" + channel.code() + "' has its own endpoint; this one takes web or hotline."));
            return null;
        }
        return channel;
    }

    private String area(JsonNode json, List<FieldError> errors) {
        String code = optionalText(json, "area", errors);
        if (code == null || code.isEmpty()) {
            return null;
        }
        String normalised = code.toLowerCase(Locale.ROOT);
        if (!taxonomy.hasArea(normalised)) {
            errors.add(new FieldError("area", "unknown", "Không có tổ dân phố mã '" + code + "' (ví dụ hợp lệ: tdp-05).",
                    "There is no tổ dân phố with code '" + code + "' (a valid example: tdp-05)."));
            return null;
        }
        return normalised;
    }

    private static String bounded(JsonNode json, String field, String vi, String en, int max, List<FieldError> errors) {
        String value = prose(json, field, errors);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (codePoints(value) > max) {
            errors.add(tooLong(field, vi, en, max));
            return null;
        }
        return value;
    }

    private static VietnamesePhone phone(JsonNode json, List<FieldError> errors) {
        String typed = optionalText(json, "phone", errors);
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        return VietnamesePhone.parse(typed).orElseGet(() -> {
            errors.add(new FieldError("phone", "invalid_phone",
                    "Số điện thoại không hợp lệ: cần số di động hoặc cố định Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.",
                    "Not a Vietnamese mobile or landline number; write it like 0912 345 678 or +84 912 345 678."));
            return null;
        });
    }

    /** The tracking code of the case a follow-up is about; the check symbol catches a misheard code. */
    private static String caseRef(JsonNode json, List<FieldError> errors) {
        String typed = optionalText(json, "caseRef", errors);
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        return TrackingCode.parse(typed).map(TrackingCode::display).orElseGet(() -> {
            errors.add(new FieldError("caseRef", "mistyped", "Mã tra cứu của vụ việc cũ không đúng; hãy kiểm tra lại từng ký tự (dạng XXXX-XXXX-XX).",
                    "The tracking code of the earlier case is not valid; check each character (format XXXX-XXXX-XX)."));
            return null;
        });
    }

    private static boolean consent(JsonNode json, List<FieldError> errors) {
        JsonNode node = json.get("consentToContact");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError("consentToContact", "not_boolean", "Trường 'consentToContact' phải là true hoặc false.",
                    "'consentToContact' must be true or false."));
            return false;
        }
        return node.booleanValue();
    }

    public static FieldError tooLong(String field, String vi, String en, int max) {
        return new FieldError(field, "too_long", vi + " dài quá " + max + " ký tự.", en + " is longer than " + max + " characters.");
    }

    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
