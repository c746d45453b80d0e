package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.CaseDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Decree 13/2023: the resident's contact goes to the officers of the case's department, nobody else. */
class CaseViewTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private final CaseDocument drain = CaseDocument.of(TestCases.caseState().department("kinh_te_ha_tang_do_thi").build());

    @Test
    void officerOfTheDepartmentSeesTheContact() {
        CaseView view = CaseView.summary(drain, new Caller("canbo.kinh_te_ha_tang_do_thi", Roles.OFFICER, "kinh_te_ha_tang_do_thi"), TAXONOMY);

        assertThat(view.contact().phone()).isEqualTo("+84901234567");
        assertThat(view.contact().address()).isEqualTo("12 ngõ 5, tổ dân phố 5");
    }

    @Test
    void leaderAndOtherOfficersDoNot() {
        assertThat(CaseView.summary(drain, new Caller("lanhdao", Roles.LEADER, null), TAXONOMY).contact()).isNull();
        assertThat(CaseView.summary(drain, new Caller("canbo.cong_an", Roles.OFFICER, "cong_an"), TAXONOMY).contact()).isNull();
    }

    @Test
    void theCasePageShowsThePlaceToConfirmAndTheLettersRequests() {
        Place place = new Place(null, null, "dong-hoa", "Xã Đông Hòa", 0.5, List.of("xa dong hoa → Xã Đông Hòa"), List.of(), true);
        List<ProposedRequest> requests = List.of(
                new ProposedRequest(1, "Cống tắc.", Category.GIAO_THONG_HA_TANG, "kinh_te_ha_tang_do_thi", null),
                new ProposedRequest(2, "Đua xe ban đêm.", Category.AN_NINH_TRAT_TU, "cong_an", null));
        CaseDocument letter = CaseDocument.of(TestCases.caseState().classification(
                new Classification(Category.GIAO_THONG_HA_TANG, 0.9, List.of("cống")).withPlace(place).withRequests(requests)).build());

        CaseView view = CaseView.detail(letter, new Caller("lanhdao", Roles.LEADER, null), TAXONOMY);

        assertThat(view.classification().place().formerUnitName()).isEqualTo("Xã Đông Hòa");
        assertThat(view.classification().place().toConfirm()).isTrue();
        assertThat(view.classification().requests()).extracting(ProposedRequest::department).containsExactly("kinh_te_ha_tang_do_thi", "cong_an");
    }

    @Test
    void searchResultsLeaveTheHistoryForTheCasePage() {
        Caller leader = new Caller("lanhdao", Roles.LEADER, null);

        assertThat(CaseView.summary(drain, leader, TAXONOMY).history()).isNull();
        assertThat(CaseView.detail(drain, leader, TAXONOMY).history()).hasSize(1);
    }
}
