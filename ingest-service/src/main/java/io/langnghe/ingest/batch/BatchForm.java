package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.intake.JsonBody;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.text.LegacyText;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a batch: the meeting (checked as a whole: a batch with a bad meeting is refused before any
 * row is filed) and the rows, which are checked one by one later so that one bad row loses nothing.
 */
@Singleton
public class BatchForm {

    /** A batch as read: the rows are still raw, each judged on its own. */
    public record Parsed(Meeting meeting, String batchKey, List<JsonNode> rows) {
    }

    static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}._:/#\\-]{1,64}");
    private static final int MAX_MEETING_TEXT = 200;
    private static final ZoneId WARD_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Taxonomy taxonomy;
    private final BatchLimits limits;

    public BatchForm(Taxonomy taxonomy, BatchLimits limits) {
        this.taxonomy = taxonomy;
        this.limits = limits;
    }

    public Parsed readJson(byte[] body) {
        JsonNode json = parse(body);
        List<FieldError> errors = new ArrayList<>();
        JsonNode meetingNode = json.get("meeting");
        Meeting meeting = null;
        if (meetingNode == null || !meetingNode.isObject()) {
            errors.add(new FieldError("meeting", "required", "Vui lòng cho biết thông tin cuộc họp (meeting {...}).",
                    "Please describe the meeting (meeting {...})."));
        } else {
            meeting = meeting(meetingNode, "meeting.", errors);
        }
        String batchKey = batchKey(json, errors);
        JsonNode rows = json.get("rows");
        List<JsonNode> list = new ArrayList<>();
        if (rows == null || !rows.isArray()) {
            errors.add(new FieldError("rows", "required", "Vui lòng gửi danh sách kiến nghị (rows [...]).",
                    "Please send the list of petitions (rows [...])."));
        } else {
            rows.forEach(list::add);
            checkRowCount(list.size(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Parsed(meeting, batchKey, list);
    }

    /** The meeting and batch key given beside a CSV upload (query or form parameters). */
    public Parsed readCsv(JsonNode meetingFields, byte[] body) {
        if (body != null && body.length > limits.maxBodyBytes()) {
            throw new InvalidInputException(FeedbackForm.bodyTooLarge(limits.maxBodyBytes()));
        }
        List<FieldError> errors = new ArrayList<>();
        Meeting meeting = meeting(meetingFields, "", errors);
        String batchKey = batchKey(meetingFields, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // read no further than one row past the limit: that row is enough to refuse the batch
        List<JsonNode> rows = List.copyOf(BatchCsv.rows(LegacyText.decode(body == null ? new byte[0] : body), limits.maxRows()));
        checkRowCount(rows.size(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Parsed(meeting, batchKey, rows);
    }

    private void checkRowCount(int count, List<FieldError> errors) {
        if (count == 0) {
            errors.add(new FieldError("rows", "empty", "Đợt gửi không có kiến nghị nào.", "The batch has no petitions."));
        } else if (count > limits.maxRows()) {
            errors.add(new FieldError("rows", "too_many", "Mỗi đợt gửi tối đa " + limits.maxRows() + " kiến nghị; đợt này có nhiều hơn.",
                    "A batch holds at most " + limits.maxRows() + " petitions; this one has more."));
        }
    }

    private Meeting meeting(JsonNode json, String prefix, List<FieldError> errors) {
        int before = errors.size();
        Channel kind = kind(json, prefix, errors);
        LocalDate date = date(json, prefix, errors);
        String place = required(json, "place", prefix, "Nơi họp", "The meeting place", errors);
        String chairedBy = required(json, "chairedBy", prefix, "Người chủ trì", "Who chaired", errors);
        String area = FeedbackForm.optionalText(json, "area", errors);
        if (area != null && !area.isEmpty()) {
            area = area.toLowerCase(Locale.ROOT);
            if (!taxonomy.hasArea(area)) {
                errors.add(new FieldError(prefix + "area", "unknown", "Không có tổ dân phố mã '" + area + "' (ví dụ hợp lệ: tdp-05).",
                        "There is no tổ dân phố with code '" + area + "' (a valid example: tdp-05)."));
            }
        } else {
            area = null;
            if (kind == Channel.GROUP_MEETING) {
                errors.add(new FieldError(prefix + "area", "required", "Cuộc họp tổ dân phố cần mã tổ dân phố (ví dụ tdp-05).",
                        "A neighbourhood meeting needs its tổ dân phố code (e.g. tdp-05)."));
            }
        }
        return errors.size() > before ? null : new Meeting(kind, date, place, chairedBy, area);
    }

    private static Channel kind(JsonNode json, String prefix, List<FieldError> errors) {
        String code = FeedbackForm.optionalText(json, "kind", errors);
        Channel kind = code == null ? null : Channel.fromCode(code.toLowerCase(Locale.ROOT)).orElse(null);
        if (kind != Channel.GROUP_MEETING && kind != Channel.VOTER_MEETING) {
            errors.add(new FieldError(prefix + "kind", code == null ? "required" : "unknown",
                    "Loại cuộc họp phải là group_meeting (họp tổ dân phố) hoặc voter_meeting (tiếp xúc cử tri).",
                    "The meeting kind must be group_meeting (neighbourhood meeting) or voter_meeting (voter contact)."));
            return null;
        }
        return kind;
    }

    private static LocalDate date(JsonNode json, String prefix, List<FieldError> errors) {
        String typed = FeedbackForm.optionalText(json, "date", errors);
        try {
            LocalDate date = LocalDate.parse(typed == null ? "" : typed);
            if (date.isAfter(LocalDate.now(WARD_TIME))) {
                errors.add(new FieldError(prefix + "date", "in_future", "Ngày họp chưa tới.", "The meeting date is in the future."));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(prefix + "date", typed == null ? "required" : "invalid_date",
                    "Ngày họp cần theo dạng năm-tháng-ngày, ví dụ 2026-11-20.", "The meeting date must look like 2026-11-20."));
            return null;
        }
    }

    private static String required(JsonNode json, String field, String prefix, String vi, String en, List<FieldError> errors) {
        String value = FeedbackForm.optionalText(json, field, errors);
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(prefix + field, "required", vi + " là bắt buộc.", en + " is required."));
            return null;
        }
        if (FeedbackForm.codePoints(value) > MAX_MEETING_TEXT) {
            errors.add(FeedbackForm.tooLong(prefix + field, vi, en, MAX_MEETING_TEXT));
            return null;
        }
        return value;
    }

    private static String batchKey(JsonNode json, List<FieldError> errors) {
        String key = FeedbackForm.optionalText(json, "batchKey", errors);
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError("batchKey", "invalid", "batchKey gồm 1 đến 64 chữ, số hoặc . _ : / # -",
                    "batchKey is 1 to 64 letters, digits or . _ : / # -"));
            return null;
        }
        return key;
    }

    private JsonNode parse(byte[] body) {
        return JsonBody.readObject(body, limits.maxBodyBytes());
    }
}
