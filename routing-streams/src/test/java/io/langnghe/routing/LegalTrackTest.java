package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.intake.Routing;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.Decision;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal track: complaints and denunciations, opened on Monday 15/9/2025 09:00 in Hà Nội, go to the
 * triage desk with the law's clocks (10 working days to accept, 30 to decide).
 */
class LegalTrackTest {

    static final Instant monday9 = Instant.parse("2025-09-15T02:00:00Z");
    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final Deadlines deadlines = new Deadlines(WorkingCalendar.loadDefault(), 1, 10);
    static final CaseOpening opening = new CaseOpening(deadlines);
    static final Routing drainRouting = new Routing(new Classification(Category.GIAO_THONG_HA_TANG, 0.9, List.of("cống")),
            "kinh_te_ha_tang_do_thi", false, null);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # petition                                                                      | case type    | department             | acknowledge by        | resolve by
            Tôi làm đơn khiếu nại quyết định thu hồi đất của phường                         | complaint    | van_phong              | 2025-09-29T02:00:00Z  | 2025-10-27T02:00:00Z
            toi lam don khieu nai ve viec boi thuong dat                                    | complaint    | van_phong              | 2025-09-29T02:00:00Z  | 2025-10-27T02:00:00Z
            Tôi tố cáo cán bộ địa chính nhận tiền để cấp sổ đỏ                              | denunciation | van_phong              | 2025-09-29T02:00:00Z  | 2025-10-27T02:00:00Z
            xin to cao hanh vi lan chiem dat cong cua ong B                                 | denunciation | van_phong              | 2025-09-29T02:00:00Z  | 2025-10-27T02:00:00Z
            Khiếu nại và tố cáo việc cống thoát nước bị lấp                                 | denunciation | van_phong              | 2025-09-29T02:00:00Z  | 2025-10-27T02:00:00Z   # a denunciation first
            Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên                   | petition     | kinh_te_ha_tang_do_thi | 2025-09-16T02:00:00Z  | 2025-09-29T02:00:00Z
            cay to cao truoc nha sap do vao day dien                                        | petition     | kinh_te_ha_tang_do_thi | 2025-09-16T02:00:00Z  | 2025-09-29T02:00:00Z   # tall, not tố cáo
            """)
    void putsComplaintsAndDenunciationsOnTheLegalTrack(String text, String type, String department, String acknowledgeBy, String resolveByAndComment) {
        // Given a petition routed by its subject
        // When its case opens
        CaseState opened = opening.open(feedback().text(text).build(), drainRouting, monday9);

        // Then the law decides its type, its department and its first clock
        assertThat(opened.caseType().code()).isEqualTo(type);
        assertThat(opened).extracting(CaseState::department, CaseState::status, CaseState::dueAt)
                .containsExactly(department, CaseStatus.ASSIGNED, Instant.parse(acknowledgeBy));
        assertThat(opened.history().get(0).note()).contains(opened.caseType() == CaseType.PETITION ? "→ kinh_te_ha_tang_do_thi" : type);

        // and, once acknowledged (acceptance decided), the clock to decide it
        Decision acknowledged = new CaseLifecycle(taxonomy, deadlines).decide(opened,
                command(Type.ACKNOWLEDGE).by(TestCommand.officerOf(department)).build(), monday9.plusSeconds(3600));
        assertThat(acknowledged.updated()).extracting(CaseState::caseType, CaseState::dueAt)
                .containsExactly(opened.caseType(), Instant.parse(resolveByAndComment.replaceAll("\\s*#.*", "")));
    }

    @ParameterizedTest(name = "{0} + {1} {3} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # given      | command             | by                | text          | then type    | department             | due                  | refused because (en)
            complaint    | confirm_legal_track | officer:van_phong |               | complaint    | van_phong              | 2025-09-29T02:00:00Z |
            complaint    | confirm_legal_track | officer:van_phong | denunciation  | denunciation | van_phong              | 2025-09-29T02:00:00Z |                  # the clock goes on
            complaint    | undo_legal_track    | officer:van_phong | Chỉ phản ánh  | petition     | van_phong              | 2025-09-16T03:00:00Z |                  # to acknowledge, from now
            complaint    | undo_legal_track    | leader            | Chỉ phản ánh  | petition     | van_phong              | 2025-09-16T03:00:00Z |
            petition     | confirm_legal_track | officer           | complaint     | complaint    | van_phong              | 2025-09-29T03:00:00Z |                  # the lexicon missed it
            petition     | confirm_legal_track | officer           |               | petition     | kinh_te_ha_tang_do_thi | 2025-09-16T02:00:00Z | Name the type to confirm: complaint or denunciation
            petition     | undo_legal_track    | officer           | ?             | petition     | kinh_te_ha_tang_do_thi | 2025-09-16T02:00:00Z | The case is not on the legal track
            complaint    | undo_legal_track    | officer:van_phong |               | complaint    | van_phong              | 2025-09-29T02:00:00Z | Undoing the legal track needs the reason
            complaint    | confirm_legal_track | officer:cong_an   |               | complaint    | van_phong              | 2025-09-29T02:00:00Z | The case belongs to van_phong, not to the officer's department (cong_an)
            complaint    | confirm_legal_track | operator          |               | complaint    | van_phong              | 2025-09-29T02:00:00Z | The role OPERATOR may not confirm_legal_track a case
            """)
    void letsAnOfficerConfirmOrUndoTheLegalTrack(String given, String type, String by, String text, String thenType,
                                                 String department, String due, String refusedBecauseAndComment) {
        // Given a complaint or the drain petition, opened Monday 09:00
        CaseState opened = opening.open(feedback().text(given.equals("complaint")
                ? "Tôi làm đơn khiếu nại quyết định thu hồi đất của phường"
                : "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên").build(), drainRouting, monday9);

        // When an hour later
        Decision decision = new CaseLifecycle(taxonomy, deadlines).decide(opened,
                command(Type.valueOf(type.toUpperCase())).by(TestCommand.actor(by)).text(text).build(), monday9.plusSeconds(3600));

        // Then
        String refusedBecause = refusedBecauseAndComment == null ? "" : refusedBecauseAndComment.replaceAll("\\s*#.*", "");
        CaseState now = decision.isAccepted() ? decision.updated() : opened;
        assertThat(decision.isAccepted() ? "" : decision.refusal().en()).isEqualTo(refusedBecause);
        assertThat(now.caseType().code()).isEqualTo(thenType);
        assertThat(now).extracting(CaseState::department, CaseState::status, CaseState::dueAt)
                .containsExactly(department, CaseStatus.ASSIGNED, Instant.parse(due));
        if (decision.isAccepted()) {
            assertThat(now.version()).isEqualTo(opened.version() + 1);
            assertThat(now.history().get(now.history().size() - 1).action()).isEqualTo(type);
        }
    }
}
