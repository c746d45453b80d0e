package io.langnghe.search.actions;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.langnghe.text.VietnameseText;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /api/cases/{id}/actions} as sent, checked all at once so one answer
 * names every bad field. An answer, a rejection and an extension need a text (the answer, the reason);
 * a reassignment names the department (and may correct the category); a merge names the case it joins;
 * an answer may name up to three photos of proof, uploaded first; accepting a letter's requests may name
 * which ones, by their index (all of them when it names none).
 */
@Introspected
public record ActionRequest(
        @Nullable String type,
        @Nullable String text,
        @Nullable String department,
        @Nullable String targetCaseId,
        @Nullable String category,
        @Nullable List<String> photos,
        @Nullable String area,
        @Nullable List<Integer> requests) {

    // What each action must say, in Vietnamese and English; routing-streams refuses them without it too.
    private static final Map<CaseCommand.Type, String[]> NEEDS_TEXT = Map.of(
            CaseCommand.Type.ANSWER, new String[]{"Hãy viết câu trả lời gửi người dân.", "Write the answer for the resident."},
            CaseCommand.Type.REJECT, new String[]{"Hãy ghi lý do từ chối.", "Give the reason for the rejection."},
            CaseCommand.Type.EXTEND_DEADLINE, new String[]{"Hãy ghi lý do gia hạn.", "Give the reason for the extension."},
            CaseCommand.Type.UNDO_LEGAL_TRACK, new String[]{"Hãy ghi lý do.", "Give the reason."});


    public ActionRequest(String type, String text, String department, String targetCaseId) {
        this(type, text, department, targetCaseId, null);
    }

    public ActionRequest(String type, String text, String department, String targetCaseId, String category) {
        this(type, text, department, targetCaseId, category, null);
    }

    public ActionRequest(String type, String text, String department, String targetCaseId, String category, List<String> photos) {
        this(type, text, department, targetCaseId, category, photos, null);
    }

    public ActionRequest(String type, String text, String department, String targetCaseId, String category, List<String> photos,
                         String area) {
        this(type, text, department, targetCaseId, category, photos, area, null);
    }

    static final int MAX_TEXT = 4000;
    static final int MAX_PHOTOS = 3;
    /** More requests than any letter is split into. */
    static final int MAX_REQUESTS = 50;

    /**
     * A checked action, ready to become a command.
     *
     * @param category for a reassignment only: the category the case really belongs to, when the officer says so
     * @param photos   for an answer only: references of photos of proof uploaded first (POST /api/cases/{id}/photos)
     * @param area     for confirm_place only: the area the officer confirms (text: the words that name it)
     * @param requests for accept_requests only: the letter's requests to accept, by index (empty: all)
     */
    public record Action(CaseCommand.Type type, String text, String department, String targetCaseId, Category category,
                         List<String> photos, String area, List<Integer> requests) {
    }

    public Action check(String caseId, String caseDepartment, Taxonomy taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        Optional<CaseCommand.Type> kind = type(errors);
        String note = text == null || text.isBlank() ? null : VietnameseText.normalize(text);
        if (note != null && note.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "too_long",
                    "Nội dung dài quá " + MAX_TEXT + " ký tự.", "The text is longer than " + MAX_TEXT + " characters."));
        }
        CaseCommand.Type checked = kind.orElse(null);
        if (note == null && checked != null && NEEDS_TEXT.containsKey(checked)) {
            String[] ask = NEEDS_TEXT.get(checked);
            errors.add(new FieldError("text", "required", ask[0], ask[1]));
        }
        Category corrected = checked == CaseCommand.Type.REASSIGN ? correctedCategory(errors) : null;
        String target = checked == CaseCommand.Type.REASSIGN ? reassignTo(caseDepartment, corrected != null, taxonomy, errors) : null;
        String joins = checked == CaseCommand.Type.MERGE ? mergeInto(caseId, errors) : null;
        String placedIn = checked == CaseCommand.Type.CONFIRM_PLACE ? placeIn(taxonomy, errors) : null;
        List<String> proof = photos == null ? List.of() : photos;
        if (!proof.isEmpty() && checked != null && checked != CaseCommand.Type.ANSWER) {
            errors.add(new FieldError("photos", "not_allowed", "Chỉ câu trả lời mới kèm ảnh.", "Only an answer carries photos."));
        } else if (proof.size() > MAX_PHOTOS) {
            errors.add(new FieldError("photos", "too_many", "Tối đa " + MAX_PHOTOS + " ảnh cho mỗi câu trả lời.",
                    "At most " + MAX_PHOTOS + " photos per answer."));
        }
        List<Integer> chosen = requests == null ? List.of() : requests;
        if (!chosen.isEmpty() && checked != null && checked != CaseCommand.Type.ACCEPT_REQUESTS) {
            errors.add(new FieldError("requests", "not_allowed", "Chỉ khi nhận các yêu cầu của thư mới chọn yêu cầu.",
                    "Only accepting a letter's requests names requests."));
        } else if (chosen.stream().anyMatch(i -> i == null || i < 1) || chosen.size() > MAX_REQUESTS) {
            errors.add(new FieldError("requests", "invalid", "Hãy chọn yêu cầu theo số thứ tự của nó trong thư (1, 2, ...).",
                    "Name the requests by their number in the letter (1, 2, ...)."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return new Action(checked, note, target, joins, corrected, List.copyOf(proof), placedIn, List.copyOf(chosen));
    }

    private Optional<CaseCommand.Type> type(List<FieldError> errors) {
        if (type == null || type.isBlank()) {
            errors.add(new FieldError("type", "required", "Hãy chọn thao tác.", "Choose an action."));
            return Optional.empty();
        }
        Optional<CaseCommand.Type> known = Arrays.stream(CaseCommand.Type.values())
                .filter(t -> t.code().equals(type.strip()))
                .findFirst();
        if (known.isEmpty()) {
            errors.add(new FieldError("type", "unknown_code",
                    "Không có thao tác '" + type + "'.", "'" + type + "' is not a known action."));
        }
        return known;
    }

    private Category correctedCategory(List<FieldError> errors) {
        if (category == null || category.isBlank()) {
            return null;
        }
        Optional<Category> known = Category.fromCode(category.strip());
        if (known.isEmpty()) {
            errors.add(new FieldError("category", "unknown_code",
                    "Mã '" + category + "' không có trong danh mục.", "'" + category + "' is not a known code."));
        }
        return known.orElse(null);
    }

    /** The same department is allowed only when the officer corrects the category. */
    private String reassignTo(String caseDepartment, boolean correctsCategory, Taxonomy taxonomy, List<FieldError> errors) {
        if (department == null || department.isBlank()) {
            errors.add(new FieldError("department", "required",
                    "Hãy chọn phòng ban nhận hồ sơ.", "Choose the department that takes the case."));
            return null;
        }
        String code = department.strip();
        if (!taxonomy.hasDepartment(code)) {
            errors.add(new FieldError("department", "unknown_code",
                    "Mã '" + code + "' không có trong danh mục.", "'" + code + "' is not a known code."));
        } else if (code.equals(caseDepartment) && !correctsCategory) {
            errors.add(new FieldError("department", "same_department",
                    "Hồ sơ đã thuộc phòng ban này.", "The case is already with this department."));
        }
        return code;
    }

    private String placeIn(Taxonomy taxonomy, List<FieldError> errors) {
        if (area == null || area.isBlank() || !taxonomy.hasArea(area.strip())) {
            errors.add(new FieldError("area", area == null || area.isBlank() ? "required" : "unknown_code",
                    "Hãy chọn thôn, khu phố hoặc tổ dân phố của hồ sơ.", "Choose the case's area."));
            return null;
        }
        return area.strip();
    }

    private String mergeInto(String caseId, List<FieldError> errors) {
        if (targetCaseId == null || targetCaseId.isBlank()) {
            errors.add(new FieldError("targetCaseId", "required",
                    "Hãy nêu hồ sơ để gộp vào.", "Name the case to merge into."));
            return null;
        }
        if (targetCaseId.strip().equals(caseId)) {
            errors.add(new FieldError("targetCaseId", "same_case",
                    "Không thể gộp hồ sơ vào chính nó.", "A case cannot be merged into itself."));
        }
        return targetCaseId.strip();
    }
}
