package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.CaseDocument;
import org.junit.jupiter.api.Test;

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
    void searchResultsLeaveTheHistoryForTheCasePage() {
        Caller leader = new Caller("lanhdao", Roles.LEADER, null);

        assertThat(CaseView.summary(drain, leader, TAXONOMY).history()).isNull();
        assertThat(CaseView.detail(drain, leader, TAXONOMY).history()).hasSize(1);
    }
}
