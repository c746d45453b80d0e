package io.langnghe.search.actions;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ActionRequestTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final String CASE = "case-1";
    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";

    @Test
    void anAnswerKeepsItsTextNormalised() {
        ActionRequest.Action action = new ActionRequest("answer", "  Đã  nạo vét cống  ", null, null).check(CASE, INFRASTRUCTURE, TAXONOMY);

        assertThat(action.type()).isEqualTo(Type.ANSWER);
        assertThat(action.text()).isEqualTo("Đã nạo vét cống");
    }

    @Test
    void aReassignmentNamesAnotherKnownDepartment() {
        ActionRequest.Action action = new ActionRequest("reassign", null, "cong_an", null).check(CASE, INFRASTRUCTURE, TAXONOMY);

        assertThat(action.department()).isEqualTo("cong_an");
        assertThat(action.targetCaseId()).isNull();
    }

    @Test
    void aReassignmentToTheSameDepartmentIsACategoryCorrection() {
        ActionRequest.Action action = new ActionRequest("reassign", null, INFRASTRUCTURE, null, "moi_truong").check(CASE, INFRASTRUCTURE, TAXONOMY);

        assertThat(action.department()).isEqualTo(INFRASTRUCTURE);
        assertThat(action.category()).isEqualTo(io.langnghe.contracts.Category.MOI_TRUONG);
    }

    @Test
    void fieldsThatDoNotBelongToTheActionAreNotPassedOn() {
        ActionRequest.Action action = new ActionRequest("acknowledge", null, "cong_an", "case-2", "moi_truong").check(CASE, INFRASTRUCTURE, TAXONOMY);

        assertThat(action.department()).isNull();
        assertThat(action.category()).isNull();
        assertThat(action.targetCaseId()).isNull();
    }

    @ParameterizedTest(name = "{0} text={1} department={2} target={3} → {4} {5}")
    @CsvSource(nullValues = "-", textBlock = """
            -,           -,             -,                      -,      type,         required
            hide,        -,             -,                      -,      type,         unknown_code
            answer,      '   ',         -,                      -,      text,         required
            reject,      -,             -,                      -,      text,         required
            reassign,    -,             -,                      -,      department,   required
            reassign,    -,             phong_ma,               -,      department,   unknown_code
            reassign,    -,             kinh_te_ha_tang_do_thi, -,      department,   same_department
            merge,       -,             -,                      -,      targetCaseId, required
            merge,       -,             -,                      case-1, targetCaseId, same_case
            """)
    void refusesWhatCannotBecomeACommand(String type, String text, String department, String target, String field, String code) {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new ActionRequest(type, text, department, target).check(CASE, INFRASTRUCTURE, TAXONOMY));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        assertThat(problem.problem().errors().get(0).messageVi()).isNotBlank();
        assertThat(problem.problem().errors().get(0).messageEn()).isNotBlank();
    }

    @Test
    void aTextLongerThanFourThousandCharactersIsRefused() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new ActionRequest("answer", "x".repeat(4001), null, null).check(CASE, INFRASTRUCTURE, TAXONOMY));

        assertThat(problem.problem().errors()).extracting(FieldError::code).containsExactly("too_long");
    }

    @Test
    void leadersSteerButDoNotAnswerForADepartment() {
        Caller leader = new Caller("lanhdao", Roles.LEADER, null);
        Caller officer = new Caller("canbo.cong_an", Roles.OFFICER, "cong_an");

        assertThat(ActionRules.mayAsk(leader, Type.REASSIGN)).isTrue();
        assertThat(ActionRules.mayAsk(leader, Type.REOPEN)).isTrue();
        assertThat(ActionRules.mayAsk(leader, Type.ANSWER)).isFalse();
        assertThat(ActionRules.mayAsk(leader, Type.ACKNOWLEDGE)).isFalse();
        assertThat(ActionRules.mayAsk(officer, Type.ANSWER)).isTrue();
        assertThat(ActionRules.mayAsk(officer, Type.SEAL_CONTACT)).as("only the migration seals, signed").isFalse();
        assertThat(ActionRules.mayAsk(new Caller("tongdai", Roles.OPERATOR, null), Type.ACKNOWLEDGE)).isFalse();
    }

    @Test
    void noStaffMemberAssessesOrRatesACase() {
        for (Caller caller : List.of(new Caller("canbo", Roles.OFFICER, "van_phong"), new Caller("lanhdao", Roles.LEADER, null),
                new Caller("quantri", Roles.ADMIN, null))) {
            assertThat(ActionRules.mayAsk(caller, Type.ASSESS)).as("%s assesses", caller.username()).isFalse();
            assertThat(ActionRules.mayAsk(caller, Type.RATE)).as("%s rates", caller.username()).isFalse();
        }
    }

    @Test
    void aClosedCaseCanOnlyBeReopened() {
        assertThat(ActionRules.fits(Type.ACKNOWLEDGE, CaseStatus.ASSIGNED)).isTrue();
        assertThat(ActionRules.fits(Type.ACKNOWLEDGE, CaseStatus.RESOLVED)).isFalse();
        assertThat(ActionRules.fits(Type.REOPEN, CaseStatus.RESOLVED)).isTrue();
        assertThat(ActionRules.fits(Type.REOPEN, CaseStatus.ANSWERED)).isTrue();
        assertThat(ActionRules.fits(Type.REOPEN, CaseStatus.IN_PROGRESS)).isFalse();
        assertThat(ActionRules.fits(Type.ANSWER, CaseStatus.ASSIGNED)).as("acknowledged first").isFalse();
        assertThat(ActionRules.fits(Type.RESOLVE, CaseStatus.ANSWERED)).isTrue();
    }

    // assess, rate, open_request and seal_contact are never asked by staff: mayAsk refuses them (403) before any rule applies
    @ParameterizedTest(name = "{0} applies to some open case")
    @EnumSource(value = Type.class, mode = EnumSource.Mode.EXCLUDE, names = {"ASSESS", "RATE", "OPEN_REQUEST", "SEAL_CONTACT"})
    void everyCommandTypeHasARuleSoNoneAnswers500(Type type) {
        assertThat(Arrays.stream(CaseStatus.values()).anyMatch(status -> ActionRules.fits(type, status)))
                .as("ActionRules knows %s", type).isTrue();
    }

    @Test
    void theLegalTrackIsConfirmedOrUndoneOnAnOpenCase() {
        assertThat(ActionRules.fits(Type.CONFIRM_LEGAL_TRACK, CaseStatus.ASSIGNED)).isTrue();
        assertThat(ActionRules.fits(Type.UNDO_LEGAL_TRACK, CaseStatus.IN_PROGRESS)).isTrue();
        assertThat(ActionRules.fits(Type.UNDO_LEGAL_TRACK, CaseStatus.CLOSED)).isFalse();
        assertThat(ActionRules.mayAsk(new Caller("lanhdao", Roles.LEADER, null), Type.CONFIRM_LEGAL_TRACK)).isTrue();
    }

    @Test
    void confirmingAPlaceNamesAKnownAreaAndTheWordsForIt() {
        ActionRequest.Action action = new ActionRequest("confirm_place", "bãi Cồn Mả Đỏ", null, null, null, null, "dong-ninh-huu-boc")
                .check(CASE, INFRASTRUCTURE, TAXONOMY);
        ProblemException unknown = catchThrowableOfType(ProblemException.class,
                () -> new ActionRequest("confirm_place", null, null, null, null, null, "tdp-99").check(CASE, INFRASTRUCTURE, TAXONOMY));

        assertThat(action).extracting(ActionRequest.Action::type, ActionRequest.Action::area, ActionRequest.Action::text)
                .containsExactly(Type.CONFIRM_PLACE, "dong-ninh-huu-boc", "bãi Cồn Mả Đỏ");
        assertThat(unknown.problem().errors()).extracting(FieldError::field).containsExactly("area");
        assertThat(new ActionRequest("answer", "Đã sửa.", null, null, null, null, "tdp-01").check(CASE, INFRASTRUCTURE, TAXONOMY).area())
                .isNull();
    }

    @Test
    void anExtensionNeedsItsReason() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new ActionRequest("extend_deadline", " ", null, null).check(CASE, INFRASTRUCTURE, TAXONOMY));

        assertThat(problem.problem().errors()).extracting(FieldError::field).containsExactly("text");
        assertThat(problem.problem().errors().get(0).messageEn()).isEqualTo("Give the reason for the extension.");
    }

    @Test
    void onlyAnAnswerNamesPhotosAndAtMostThree() {
        String ref = "sha256-" + "a".repeat(64) + ".jpg";
        ActionRequest.Action answer = new ActionRequest("answer", "Đã nạo vét.", null, null, null, List.of(ref))
                .check(CASE, INFRASTRUCTURE, TAXONOMY);
        ProblemException tooMany = catchThrowableOfType(ProblemException.class, () ->
                new ActionRequest("answer", "Đã nạo vét.", null, null, null, List.of(ref, ref, ref, ref)).check(CASE, INFRASTRUCTURE, TAXONOMY));
        ProblemException notAnAnswer = catchThrowableOfType(ProblemException.class, () ->
                new ActionRequest("resolve", null, null, null, null, List.of(ref)).check(CASE, INFRASTRUCTURE, TAXONOMY));

        assertThat(answer.photos()).containsExactly(ref);
        assertThat(tooMany.problem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("photos", "too_many"));
        assertThat(notAnAnswer.problem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("photos", "not_allowed"));
    }
}
