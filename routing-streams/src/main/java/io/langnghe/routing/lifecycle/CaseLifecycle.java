package io.langnghe.routing.lifecycle;

import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Correction;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.DepartmentInfo;
import io.langnghe.contracts.taxonomy.FormerUnitInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.langnghe.contracts.CaseStatus.ACKNOWLEDGED;
import static io.langnghe.contracts.CaseStatus.ANSWERED;
import static io.langnghe.contracts.CaseStatus.ASSIGNED;
import static io.langnghe.contracts.CaseStatus.CLOSED;
import static io.langnghe.contracts.CaseStatus.IN_PROGRESS;
import static io.langnghe.contracts.CaseStatus.MERGED;
import static io.langnghe.contracts.CaseStatus.REJECTED;
import static io.langnghe.contracts.CaseStatus.REOPENED;
import static io.langnghe.contracts.CaseStatus.RESOLVED;

/**
 * The life of a case, as a table: each command applies from some states and leads to one.
 * <pre>
 *   acknowledge       assigned, reopened                          → acknowledged
 *   start             assigned, acknowledged, reopened            → in_progress
 *   answer (text)     acknowledged, in_progress, reopened         → answered   (the public answer, up to 3 photos of proof)
 *   resolve           in_progress, answered                       → resolved
 *   reassign (dept)   assigned, acknowledged, in_progress, reopened → assigned to that department
 *                     (the same department, if it corrects the category)
 *   return_to_triage  (same)                                      → assigned to the triage desk
 *   reject (reason)   (same)                                      → rejected
 *   merge (target)    (same)                                      → merged
 *   reopen            answered, resolved, closed, rejected        → reopened
 *   confirm_legal_track  assigned, acknowledged, in_progress, reopened → (a flagged case) unchanged but confirmed;
 *                     (a petition, text complaint|denunciation) on the legal track, assigned to the triage desk
 *   undo_legal_track (reason)  (same)                             → an ordinary petition, assigned where it is
 *   mark_complex      (same; a complaint only)                    → unchanged, 45 days to decide instead of 30
 *   extend_deadline (reason)  acknowledged, in_progress (a denunciation only) → unchanged, 30 days more to decide, twice at most
 *   close             resolved                                    → closed
 *   split             assigned … answered, reopened (in an issue)  → unchanged, out of its issue
 *   confirm_place     assigned … answered, reopened                → unchanged, in the area the officer names
 *   assess (SYSTEM)   any                                         → unchanged, joined to an issue and scored
 *   seal_contact (SYSTEM, signed)  any (written before sealing)   → unchanged, its clear contact and address sealed
 *   accept_requests   assigned … answered, reopened (a letter)       → unchanged, its proposed requests (chosen, or all) opened
 *                                                                  as cases of their own, listed on the letter
 *   open_request (SYSTEM)  (no case yet)                          → assigned, as the letter proposed it
 *   merge_back        assigned, acknowledged, in_progress, reopened (a request's case) → merged back into its letter
 *   rate (RESIDENT)   answered, resolved, closed                  → unchanged when fixed; reopened when a proven "not fixed";
 *                                                                  unchanged, awaiting an officer's reopen, when unproven
 *                                                                  (an unproven rating only once per case)
 * </pre>
 * An assessment changes no status and no clock: it adds a history line only when the case joins
 * (or leaves) an issue, and keeps updatedAt, which stays the time of the ward's last action.
 * A new decision deadline moves dueAt only once the acceptance is decided (acknowledged and after).
 * An officer acts only on the cases of their own department; a leader steers (reassign, return to
 * triage, reopen, merge, the legal track's clocks, close) but does not answer for a department. Anything else is refused with a
 * reason and the case stays as it was. Every accepted command adds one to the version and one line
 * to the history.
 */
public final class CaseLifecycle {

    private static final Set<CaseStatus> STEERABLE = EnumSet.of(ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, REOPENED);
    private static final Map<Type, Set<CaseStatus>> APPLIES_FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(Type.ACKNOWLEDGE, EnumSet.of(ASSIGNED, REOPENED)),
            Map.entry(Type.START, EnumSet.of(ASSIGNED, ACKNOWLEDGED, REOPENED)),
            Map.entry(Type.ANSWER, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, REOPENED)),
            Map.entry(Type.RESOLVE, EnumSet.of(IN_PROGRESS, ANSWERED)),
            Map.entry(Type.REASSIGN, STEERABLE),
            Map.entry(Type.RETURN_TO_TRIAGE, STEERABLE),
            Map.entry(Type.REJECT, STEERABLE),
            Map.entry(Type.MERGE, STEERABLE),
            Map.entry(Type.REOPEN, EnumSet.of(ANSWERED, RESOLVED, CLOSED, REJECTED)),
            Map.entry(Type.CONFIRM_LEGAL_TRACK, STEERABLE),
            Map.entry(Type.UNDO_LEGAL_TRACK, STEERABLE),
            Map.entry(Type.MARK_COMPLEX, STEERABLE),
            Map.entry(Type.EXTEND_DEADLINE, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS)),
            Map.entry(Type.CLOSE, EnumSet.of(RESOLVED)),
            Map.entry(Type.SPLIT, EnumSet.of(ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, ANSWERED, REOPENED)),
            Map.entry(Type.CONFIRM_PLACE, EnumSet.of(ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, ANSWERED, REOPENED)),
            Map.entry(Type.ASSESS, EnumSet.allOf(CaseStatus.class)),
            Map.entry(Type.RATE, EnumSet.of(ANSWERED, RESOLVED, CLOSED)),
            Map.entry(Type.ACCEPT_REQUESTS, EnumSet.of(ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, ANSWERED, REOPENED)),
            Map.entry(Type.OPEN_REQUEST, EnumSet.allOf(CaseStatus.class)),
            Map.entry(Type.MERGE_BACK, STEERABLE),
            Map.entry(Type.SEAL_CONTACT, EnumSet.allOf(CaseStatus.class))));
    private static final Set<Type> LEADER_MAY = EnumSet.of(Type.REASSIGN, Type.RETURN_TO_TRIAGE, Type.REOPEN, Type.MERGE,
            Type.CONFIRM_LEGAL_TRACK, Type.UNDO_LEGAL_TRACK, Type.MARK_COMPLEX, Type.EXTEND_DEADLINE, Type.CLOSE, Type.SPLIT,
            Type.CONFIRM_PLACE, Type.ACCEPT_REQUESTS, Type.MERGE_BACK);
    /** Who opens the cases of a letter's accepted requests. */
    private static final CaseCommand.Actor PIPELINE = new CaseCommand.Actor("routing-streams", Roles.SYSTEM, null);
    /** Commands that change only the case's clock: they do not restart the time its department has had it. */
    private static final Set<String> CLOCK_ONLY = Set.of(Type.MARK_COMPLEX.code(), Type.EXTEND_DEADLINE.code());

    static final int MAX_RATING_COMMENT = 1000;
    /** As many as a resident may send with a petition. */
    static final int MAX_ANSWER_PHOTOS = 3;

    private final Taxonomy taxonomy;
    private final Deadlines deadlines;

    public CaseLifecycle(Taxonomy taxonomy, Deadlines deadlines) {
        this.taxonomy = taxonomy;
        this.deadlines = deadlines;
    }

    public Decision decide(CaseState current, CaseCommand command, Instant at) {
        if (command.type() == Type.OPEN_REQUEST) {
            return requestOpened(current, command, at);
        }
        if (current == null) {
            return Decision.refused("Không tìm thấy hồ sơ " + command.caseId(), "There is no case " + command.caseId());
        }
        Optional<Decision> refusal = mayAct(current, command);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!APPLIES_FROM.get(command.type()).contains(current.status())) {
            return Decision.refused(
                    "Không thể " + command.type().code() + " hồ sơ đang ở trạng thái " + current.status().code(),
                    "Cannot " + command.type().code() + " a case that is " + current.status().code());
        }
        return switch (command.type()) {
            case ACKNOWLEDGE -> moved(current, command, at, ACKNOWLEDGED);
            case START -> moved(current, command, at, IN_PROGRESS);
            case ANSWER -> answered(current, command, at);
            case RESOLVE -> moved(current, command, at, RESOLVED);
            case REASSIGN -> reassigned(current, command, at);
            case RETURN_TO_TRIAGE -> returnedToTriage(current, command, at);
            case REJECT -> rejected(current, command, at);
            case MERGE -> merged(current, command, at);
            case REOPEN -> reopened(current, command, at);
            case CONFIRM_LEGAL_TRACK -> legalTrackConfirmed(current, command, at);
            case UNDO_LEGAL_TRACK -> legalTrackUndone(current, command, at);
            case MARK_COMPLEX -> markedComplex(current, command, at);
            case EXTEND_DEADLINE -> extended(current, command, at);
            case CLOSE -> moved(current, command, at, CLOSED);
            case SPLIT -> split(current, command, at);
            case CONFIRM_PLACE -> placeConfirmed(current, command, at);
            case ASSESS -> assessed(current, command, at);
            case RATE -> rated(current, command, at);
            case ACCEPT_REQUESTS -> requestsAccepted(current, command, at);
            case MERGE_BACK -> mergedBack(current, command, at);
            case SEAL_CONTACT -> contactSealed(current, command, at);
            case OPEN_REQUEST -> throw new IllegalStateException("decided above");
        };
    }

    static boolean movesOnlyTheClock(HistoryEntry entry) {
        return CLOCK_ONLY.contains(entry.action());
    }

    private Optional<Decision> mayAct(CaseState current, CaseCommand command) {
        CaseCommand.Actor actor = command.actor();
        if (actor == null || actor.role() == null) {
            return Optional.of(Decision.refused("Lệnh không ghi người thực hiện", "The command names no actor"));
        }
        // The pipeline only assesses and seals old contacts, a resident only rates, and nobody else does either.
        boolean systemOrResident = actor.role().equals(Roles.SYSTEM) || actor.role().equals(Roles.RESIDENT);
        boolean systems = command.type() == Type.ASSESS || command.type() == Type.SEAL_CONTACT;
        boolean theirs = (actor.role().equals(Roles.SYSTEM) && systems)
                || (actor.role().equals(Roles.RESIDENT) && command.type() == Type.RATE);
        if (systemOrResident || systems || command.type() == Type.RATE) {
            return theirs ? Optional.empty() : Optional.of(Decision.refused(
                    "Vai trò " + actor.role() + " không được " + command.type().code() + " hồ sơ",
                    "The role " + actor.role() + " may not " + command.type().code() + " a case"));
        }
        if (actor.role().equals(Roles.OFFICER)) {
            if (!current.department().equals(actor.department())) {
                return Optional.of(Decision.refused(
                        "Hồ sơ thuộc " + current.department() + ", không thuộc phòng của cán bộ (" + actor.department() + ")",
                        "The case belongs to " + current.department() + ", not to the officer's department (" + actor.department() + ")"));
            }
            return Optional.empty();
        }
        if (actor.role().equals(Roles.LEADER) && LEADER_MAY.contains(command.type())) {
            return Optional.empty();
        }
        return Optional.of(Decision.refused(
                "Vai trò " + actor.role() + " không được " + command.type().code() + " hồ sơ",
                "The role " + actor.role() + " may not " + command.type().code() + " a case"));
    }

    private Decision moved(CaseState current, CaseCommand command, Instant at, CaseStatus status) {
        return Decision.accepted(recorded(current.withStatus(status).withDueAt(deadlines.dueAfter(current, status, at)),
                command, at, command.text()), null);
    }

    private Decision answered(CaseState current, CaseCommand command, Instant at) {
        if (isBlank(command.text())) {
            return Decision.refused("Hãy viết câu trả lời gửi người dân", "An answer needs the text for the resident");
        }
        if (command.photos().size() > MAX_ANSWER_PHOTOS) {
            return Decision.refused("Tối đa " + MAX_ANSWER_PHOTOS + " ảnh minh chứng cho mỗi câu trả lời",
                    "At most " + MAX_ANSWER_PHOTOS + " photos of proof per answer");
        }
        CaseState answered = current.withOutcome(current.outcome().withStatus(ANSWERED).withAnswer(command.text().strip(), command.photos()))
                .withDueAt(deadlines.dueAfter(current, ANSWERED, at));
        return Decision.accepted(recorded(answered, command, at,
                command.photos().isEmpty() ? null : command.photos().size() + " ảnh / photos"), null);
    }

    private Decision rejected(CaseState current, CaseCommand command, Instant at) {
        if (isBlank(command.text())) {
            return Decision.refused("Hãy ghi lý do từ chối và cơ quan có thẩm quyền", "A rejection needs the reason and the competent body");
        }
        return moved(current, command, at, REJECTED);
    }

    private Decision merged(CaseState current, CaseCommand command, Instant at) {
        if (isBlank(command.targetCaseId()) || command.targetCaseId().equals(current.caseId())) {
            return Decision.refused("Hãy chọn một hồ sơ khác để gộp vào", "A merge needs another case to merge into");
        }
        return Decision.accepted(recorded(current.withStatus(MERGED).withDueAt(null), command, at, "→ " + command.targetCaseId()), null);
    }

    private Decision reopened(CaseState current, CaseCommand command, Instant at) {
        return moved(current, command, at, REOPENED);
    }

    private Decision returnedToTriage(CaseState current, CaseCommand command, Instant at) {
        String triage = taxonomy.triageDepartment();
        if (current.department().equals(triage)) {
            return Decision.refused("Hồ sơ đã ở bộ phận phân loại", "The case is already at the triage desk");
        }
        return Decision.accepted(recorded(current.withStatus(ASSIGNED).withDepartment(triage).withDueAt(deadlines.dueAfter(current, ASSIGNED, at)),
                command, at, note(command.text(), "→ " + triage)), null);
    }

    /**
     * The officer says where the case is: its area and the place in its classification change, the status
     * does not; the words that name the place become a correction the place resolver learns.
     */
    private Decision placeConfirmed(CaseState current, CaseCommand command, Instant at) {
        Optional<AreaInfo> area = command.area() == null ? Optional.empty() : taxonomy.area(command.area());
        if (area.isEmpty()) {
            return Decision.refused("Không có khu vực " + command.area(), "There is no area " + command.area());
        }
        String unitName = taxonomy.formerUnit(area.get().formerUnit()).map(FormerUnitInfo::vi).orElse(null);
        Place place = Place.confirmed(area.get().code(), area.get().vi(), area.get().formerUnit(), unitName, command.actor().username());
        Classification classification = current.classification() == null ? null : current.classification().withPlace(place);
        CaseState placed = current.withAssignment(current.assignment().withArea(area.get().code()).withClassification(classification));
        Correction learned = isBlank(command.text()) ? null
                : Correction.place(current.caseId(), current.text(), area.get().code(), command.text().strip(), command.actor().username(), at);
        return Decision.accepted(recorded(placed, command, at, "→ " + area.get().vi()), learned);
    }

    private Decision reassigned(CaseState current, CaseCommand command, Instant at) {
        Optional<DepartmentInfo> target = isBlank(command.department()) ? Optional.empty() : taxonomy.department(command.department());
        if (target.isEmpty()) {
            return Decision.refused("Không có phòng ban " + command.department(), "There is no department " + command.department());
        }
        Category category = categoryOf(command, target.get());
        // Within the same department a reassignment can still correct the category.
        if (target.get().code().equals(current.department()) && (category == null || category == current.category())) {
            return Decision.refused("Hồ sơ đã thuộc " + current.department(), "The case already belongs to " + current.department());
        }
        if (isBlank(command.text())) {
            return Decision.refused("Hãy ghi lý do chuyển", "A reassignment needs the reason");
        }
        if (category != null && !target.get().categories().contains(category) && !target.get().triage()) {
            return Decision.refused(target.get().code() + " không phụ trách lĩnh vực " + category.code(),
                    target.get().code() + " does not take " + category.code());
        }
        Classification classification = current.classification();
        Correction correction = null;
        if (category != null) {
            classification = new Classification(category, 1.0, List.of("cán bộ xác định / set by " + command.actor().username()));
            if (category != current.category()) {
                correction = new Correction(Correction.SCHEMA_VERSION, current.caseId(), current.text(), category,
                        current.category(), command.actor().username(), at);
            }
        }
        CaseState reassigned = current.withStatus(ASSIGNED)
                .withAssignment(current.assignment().withDepartment(target.get().code()).withClassification(classification))
                .withDueAt(deadlines.dueAfter(current, ASSIGNED, at));
        return Decision.accepted(recorded(reassigned, command, at,
                note(command.text(), "→ " + target.get().code() + (category == null ? "" : " (" + category.code() + ")"))), correction);
    }

    /**
     * A flagged case stays on the legal track, its clock unchanged (the text may name the other type);
     * a petition the lexicon missed is put on it: to the triage desk, its acceptance due from now.
     */
    private Decision legalTrackConfirmed(CaseState current, CaseCommand command, Instant at) {
        Optional<CaseType> named = isBlank(command.text()) ? Optional.empty()
                : Arrays.stream(CaseType.values()).filter(t -> t.isLegal() && t.code().equals(command.text().strip())).findFirst();
        if (!current.caseType().isLegal() && named.isEmpty()) {
            return Decision.refused("Hãy ghi loại đơn: complaint (khiếu nại) hoặc denunciation (tố cáo)",
                    "Name the type to confirm: complaint or denunciation");
        }
        CaseType type = named.orElse(current.caseType());
        if (current.caseType().isLegal()) {
            return Decision.accepted(recorded(retyped(current, type), command, at, type.code()), null);
        }
        String triage = taxonomy.triageDepartment();
        CaseState onTrack = retyped(current, type);
        return Decision.accepted(recorded(onTrack.withStatus(ASSIGNED).withDepartment(triage).withDueAt(deadlines.dueAfter(onTrack, ASSIGNED, at)),
                command, at, type.code() + " → " + triage), null);
    }

    /** Not a complaint nor a denunciation after all: an ordinary petition, its acknowledgement due from now. */
    private Decision legalTrackUndone(CaseState current, CaseCommand command, Instant at) {
        if (!current.caseType().isLegal()) {
            return Decision.refused("Hồ sơ không ở thủ tục khiếu nại, tố cáo", "The case is not on the legal track");
        }
        if (isBlank(command.text())) {
            return Decision.refused("Hãy ghi lý do", "Undoing the legal track needs the reason");
        }
        CaseState petition = retyped(current, CaseType.PETITION);
        return Decision.accepted(recorded(petition.withStatus(ASSIGNED).withDueAt(deadlines.dueAfter(petition, ASSIGNED, at)),
                command, at, note(command.text(), "petition")), null);
    }

    /** A complaint the department finds complex: 45 days to decide. */
    private Decision markedComplex(CaseState current, CaseCommand command, Instant at) {
        if (current.caseType() != CaseType.COMPLAINT) {
            return Decision.refused("Chỉ đơn khiếu nại mới được đánh dấu phức tạp", "Only a complaint can be marked complex");
        }
        if (current.complex()) {
            return Decision.refused("Đơn khiếu nại đã được đánh dấu phức tạp", "The complaint is already marked complex");
        }
        return reclocked(current.withClock(current.clock().withComplex(true)), command, at,
                note(command.text(), "phức tạp / complex: " + Deadlines.COMPLEX_COMPLAINT));
    }

    /** A denunciation's decision deadline, 30 days more each time: 60, then 90, never beyond. */
    private Decision extended(CaseState current, CaseCommand command, Instant at) {
        if (current.caseType() != CaseType.DENUNCIATION) {
            return Decision.refused("Chỉ đơn tố cáo mới được gia hạn thời hạn giải quyết", "Only a denunciation's deadline can be extended");
        }
        if (isBlank(command.text())) {
            return Decision.refused("Hãy ghi lý do gia hạn", "An extension needs the reason");
        }
        if (current.extensions() >= Deadlines.MAX_EXTENSIONS) {
            return Decision.refused("Đã gia hạn hai lần: tổng thời hạn giải quyết không quá 90 ngày",
                    "The deadline was extended twice already: 90 days in all is the most the law allows");
        }
        int extensions = current.extensions() + 1;
        int days = Deadlines.LEGAL.get(CaseType.DENUNCIATION).resolve().amount() + extensions * Deadlines.DENUNCIATION_EXTENSION_DAYS;
        return reclocked(current.withClock(current.clock().withExtensions(extensions)), command, at,
                note(command.text(), "gia hạn lần " + extensions + " / extension " + extensions + ": " + days + "d"));
    }

    /** The same status, a new clock: the decision deadline recomputed (the acceptance one is not affected). */
    private Decision reclocked(CaseState changed, CaseCommand command, Instant at, String note) {
        return Decision.accepted(recorded(changed.withDueAt(deadlines.decisionDue(changed)), command, at, note), null);
    }

    private static CaseState retyped(CaseState c, CaseType type) {
        return c.withAssignment(c.assignment().withCaseType(type));
    }

    /** Not the same problem as the others of its issue: out of it (the early warning will not join it back). */
    private Decision split(CaseState current, CaseCommand command, Instant at) {
        if (current.clusterId() == null) {
            return Decision.refused("Hồ sơ không thuộc vụ việc chung nào", "The case is not part of an issue");
        }
        CaseState left = recorded(current, command, at, note(command.text(), "tách khỏi / left " + current.clusterId()));
        return Decision.accepted(left.withAssessment(null, current.risk()), null);
    }

    /**
     * A case written before contacts were sealed gets the same contact sealed under its own key, and loses
     * the address it kept in clear (sealed with the contact, as ingest seals it now); status and clock stay.
     * Only a contact sealed under this case's key replaces one that is still in clear: sealing twice is refused.
     */
    private Decision contactSealed(CaseState current, CaseCommand command, Instant at) {
        Contact sealed = command.contact();
        if (sealed == null || sealed.sealed() == null || !current.caseId().equals(sealed.sealed().keyId()) || sealed.hasClearDetails()) {
            return Decision.refused("Lệnh mã hóa liên hệ cần liên hệ đã mã hóa bằng khóa của hồ sơ",
                    "Sealing needs the contact sealed under the case's own key");
        }
        boolean clear = (current.contact() != null && current.contact().hasClearDetails()) || current.address() != null;
        if (!clear) {
            return Decision.refused("Liên hệ của hồ sơ đã được mã hóa", "The case's contact is already sealed");
        }
        CaseState sealedCase = current.withPetition(current.petition().withContact(sealed).withoutAddress());
        long version = current.version() + 1;
        return Decision.accepted(sealedCase.withLine(new HistoryEntry(version, at, command.actor().username(), Type.SEAL_CONTACT.code(),
                current.status(), "liên hệ đã được mã hóa / contact sealed")), null);
    }

    /**
     * The early warning's verdict on a case it weighed as it opened, before its first version is published: the
     * same version, with a line when it joins an issue (the opening and the joining are one change).
     */
    public CaseState assessedOnOpening(CaseState opened, CaseCommand command, Instant at) {
        CaseCommand.Assessment assessment = command.assessment();
        CaseState assessedCase = opened.withAssessment(assessment.clusterId(), assessment.risk());
        return assessment.clusterId() == null ? assessedCase : assessedCase.withLine(new HistoryEntry(opened.version(), at,
                command.actor().username(), Type.ASSESS.code(), opened.status(), sameIssue(assessment.clusterId())));
    }

    /** The issue and the risk the early warning found; a history line only when the issue changes. */
    private Decision assessed(CaseState current, CaseCommand command, Instant at) {
        CaseCommand.Assessment assessment = command.assessment();
        if (assessment == null || assessment.risk() == null) {
            return Decision.refused("Lệnh đánh giá không có kết quả đánh giá", "An assessment needs its result");
        }
        if (Objects.equals(assessment.clusterId(), current.clusterId()) && assessment.risk().sameAs(current.risk())) {
            return Decision.refused("Đánh giá không đổi", "The assessment is unchanged");
        }
        CaseState assessedCase = current.withAssessment(assessment.clusterId(), assessment.risk());
        long version = current.version() + 1;
        if (Objects.equals(assessment.clusterId(), current.clusterId())) {
            return Decision.accepted(assessedCase.withVersion(version), null);
        }
        return Decision.accepted(assessedCase.withLine(new HistoryEntry(version, at, command.actor().username(), Type.ASSESS.code(),
                current.status(), assessment.clusterId() == null ? "tách khỏi vụ việc chung / left the issue"
                        : sameIssue(assessment.clusterId()))), null);
    }

    private static String sameIssue(String clusterId) {
        return "cùng vụ việc / same issue: " + clusterId;
    }

    /**
     * The resident's rating, which replaces the one before (each stays in the history). A proven
     * "not fixed" reopens the case with a fresh deadline; an unproven one (the code alone, no phone
     * to check) leaves the case as it is for an officer to reopen, and comes only once.
     */
    private Decision rated(CaseState current, CaseCommand command, Instant at) {
        Rating rating = command.rating();
        if (rating == null || rating.stars() < 1 || rating.stars() > 5) {
            return Decision.refused("Hãy chấm từ 1 đến 5 sao", "A rating is 1 to 5 stars");
        }
        if (rating.comment() != null && rating.comment().length() > MAX_RATING_COMMENT) {
            return Decision.refused("Nhận xét dài quá " + MAX_RATING_COMMENT + " ký tự", "The comment is longer than " + MAX_RATING_COMMENT + " characters");
        }
        if (!rating.proven() && current.rating() != null) {
            return Decision.refused("Không có số điện thoại để đối chiếu, mã tra cứu chỉ đánh giá được một lần",
                    "Without a phone to check, the tracking code rates only once");
        }
        Rating kept = new Rating(rating.stars(), isBlank(rating.comment()) ? null : rating.comment().strip(), rating.fixed(), at,
                rating.proven());
        boolean reopen = !rating.fixed() && rating.proven();
        CaseStatus status = reopen ? REOPENED : current.status();
        Instant dueAt = reopen ? deadlines.dueAfter(current, REOPENED, at) : current.dueAt();
        String note = rating.stars() + "/5" + (rating.fixed() ? ""
                : reopen ? "; chưa khắc phục / not fixed"
                : "; chưa khắc phục, chờ cán bộ xác nhận để mở lại / not fixed, awaiting an officer's confirmation to reopen");
        return Decision.accepted(recorded(current.withRating(kept).withStatus(status).withDueAt(dueAt), command, at, note), null);
    }

    /**
     * The letter's proposed requests (those chosen, or all) become cases of their own, each routed as proposed;
     * the letter lists them. A request already accepted is not opened twice, so accepting again only adds the rest.
     */
    private Decision requestsAccepted(CaseState current, CaseCommand command, Instant at) {
        List<ProposedRequest> proposed = current.classification() == null ? List.of() : current.classification().requests();
        if (current.letter().isRequest() || proposed.isEmpty()) {
            return Decision.refused("Hồ sơ không có yêu cầu nào được đề xuất tách", "The case holds no proposed requests");
        }
        Set<Integer> indexes = proposed.stream().map(ProposedRequest::index).collect(Collectors.toSet());
        List<Integer> unknown = command.requests().stream().filter(i -> !indexes.contains(i)).toList();
        if (!unknown.isEmpty()) {
            return Decision.refused("Thư không có yêu cầu số " + unknown, "The letter has no request " + unknown);
        }
        List<ProposedRequest> chosen = proposed.stream()
                .filter(p -> command.requests().isEmpty() || command.requests().contains(p.index()))
                .filter(p -> !current.letter().accepted(p.index()))
                .toList();
        if (chosen.isEmpty()) {
            return Decision.refused("Các yêu cầu này đã được nhận thành hồ sơ", "Those requests are already cases");
        }
        List<CaseState.Child> children = new ArrayList<>();
        List<CaseCommand> openings = new ArrayList<>();
        String reporter = current.contact() == null ? null : current.contact().contactHash();
        for (ProposedRequest request : chosen) {
            // a department the taxonomy no longer knows goes to the triage desk rather than nowhere
            String department = request.department() != null && taxonomy.department(request.department()).isPresent()
                    ? request.department() : taxonomy.triageDepartment();
            String childId = CaseState.childId(current.caseId(), request.index());
            children.add(new CaseState.Child(request.index(), childId, department));
            openings.add(CaseCommand.openRequest(childId, PIPELINE, at, new CaseCommand.LetterRequest(current.caseId(), request.index(),
                    request.text(), request.category(), department, request.area() != null ? request.area() : current.area(),
                    current.channel(), current.receivedAt(), command.actor().username(), reporter)));
        }
        String note = "nhận thành hồ sơ / accepted as cases: " + children.stream()
                .map(c -> c.index() + " → " + c.caseId() + " (" + c.department() + ")").collect(Collectors.joining(", "));
        return Decision.accepted(recorded(current.withLetter(current.letter().withChildren(children)), command, at, note), null)
                .withFollowUps(openings);
    }

    /**
     * The case of one accepted request, opened by the pipeline: routed as proposed, without a tracking code of its
     * own (the resident follows it on the letter's tracking page) and without the resident's contact, whose hash
     * alone it keeps so the early warning counts the letter's writer once.
     */
    private Decision requestOpened(CaseState current, CaseCommand command, Instant at) {
        if (command.actor() == null || !Roles.SYSTEM.equals(command.actor().role())) {
            return Decision.refused("Chỉ hệ thống mở hồ sơ từ yêu cầu của thư", "Only the pipeline opens the case of a letter's request");
        }
        CaseCommand.LetterRequest request = command.request();
        if (request == null) {
            return Decision.refused("Lệnh không có yêu cầu của thư", "The command carries no request of a letter");
        }
        if (current != null) {
            return Decision.refused("Hồ sơ " + command.caseId() + " đã được mở", "The case " + command.caseId() + " is already open");
        }
        HistoryEntry first = new HistoryEntry(1, at, request.acceptedBy(), Type.OPEN_REQUEST.code(), ASSIGNED,
                "yêu cầu " + request.index() + " của thư / request " + request.index() + " of the letter " + request.letterId()
                        + " → " + request.department());
        Contact reporter = request.contactHash() == null ? null : new Contact(null, null, null, request.contactHash(), false);
        CaseState opened = CaseState.opened(command.caseId(),
                new CaseState.Petition(null, command.caseId(), request.channel(), request.text(), null, reporter, null,
                        request.receivedAt(), null, List.of()),
                CaseState.Assignment.of(request.area(), new Classification(request.category(), 1.0,
                        List.of("đề xuất từ thư, cán bộ nhận / proposed from the letter, accepted by " + request.acceptedBy())),
                        request.department()),
                CaseState.Clock.started(at).withDueAt(deadlines.opened(at, request.category(), false)),
                first);
        return Decision.accepted(opened.withLetter(CaseState.Letter.requestOf(request.letterId(), request.index())), null);
    }

    /** A request's case goes back into its letter: closed as merged, the letter then shows it so. */
    private Decision mergedBack(CaseState current, CaseCommand command, Instant at) {
        if (!current.letter().isRequest()) {
            return Decision.refused("Hồ sơ không được tách từ một thư", "The case was not made of a letter's request");
        }
        return Decision.accepted(recorded(current.withStatus(MERGED).withDueAt(null), command, at,
                note(command.text(), "gộp lại vào thư / merged back into the letter " + current.letter().letterId())), null);
    }

    /** The category the officer named, or the only one the target department takes. */
    private static Category categoryOf(CaseCommand command, DepartmentInfo target) {
        if (command.category() != null) {
            return command.category();
        }
        return target.categories().size() == 1 && !target.triage() ? target.categories().get(0) : null;
    }

    /** The change as a new version: stamped with the time of the ward's action, with its history line. */
    private static CaseState recorded(CaseState changed, CaseCommand command, Instant at, String note) {
        return changed.withClock(changed.clock().withUpdatedAt(at)).withLine(new HistoryEntry(changed.version() + 1, at,
                command.actor().username(), command.type().code(), changed.status(), note));
    }

    private static String note(String reason, String what) {
        return isBlank(reason) ? what : what + ": " + reason.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
