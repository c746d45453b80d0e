package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.privacy.CaseContacts;
import io.langnghe.search.privacy.ContactAudit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Decree 13/2023: the resident's contact goes to the officers of the case's department, nobody else. */
class CaseViewTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final CaseContacts NO_KEYS = new CaseContacts(ContactKeys.NONE, new ContactAudit());
    private static final Caller OFFICER = new Caller("canbo.kinh_te_ha_tang_do_thi", Roles.OFFICER, "kinh_te_ha_tang_do_thi");
    private final CaseDocument drain = CaseDocument.of(TestCases.caseState().department("kinh_te_ha_tang_do_thi").build());

    @Test
    void officerOfTheDepartmentSeesTheContact() {
        CaseView view = CaseView.summary(drain, new Caller("canbo.kinh_te_ha_tang_do_thi", Roles.OFFICER, "kinh_te_ha_tang_do_thi"), TAXONOMY);

        assertThat(view.contact().phone()).isEqualTo("+84901234567");
        assertThat(view.contact().address()).isEqualTo("12 ngõ 5, tổ dân phố 5");
    }

    @Test
    void theCasePageOpensASealedContactWithItsCasesKeyAndListsDoNot() {
        ContactKey key = ContactCipher.newKey("case-sealed", Instant.parse("2026-12-05T08:00:00Z"));
        Contact sealed = new Contact(null, null, "+84 90x xxx x67", "hash", true).withSealed(ContactCipher.seal(
                new ContactDetails("Trần Thị Bình", "+84901234567", null, null, "12 ngõ 5"), key));
        CaseDocument doc = CaseDocument.of(TestCases.caseState().caseId("case-sealed").department("kinh_te_ha_tang_do_thi")
                .contact(sealed).address(null).build());
        CaseContacts holding = new CaseContacts(keyId -> Optional.of(key).filter(k -> k.keyId().equals(keyId)), new ContactAudit());

        CaseView.ContactView page = CaseView.detail(doc, OFFICER, TAXONOMY, holding).contact();
        CaseView.ContactView list = CaseView.summary(doc, OFFICER, TAXONOMY).contact();

        assertThat(page).isEqualTo(new CaseView.ContactView("Trần Thị Bình", "+84901234567", "+84 90x xxx x67", true, "12 ngõ 5", false));
        assertThat(list.phone()).isNull();
        assertThat(list.name()).isNull();
        assertThat(list.phoneMasked()).isEqualTo("+84 90x xxx x67");
    }

    @Test
    void theCasePageSaysTheContactWasErasedOnceItsKeyIsGone() {
        ContactKey key = ContactCipher.newKey("case-erased", Instant.parse("2026-12-05T08:00:00Z"));
        Contact sealed = new Contact(null, null, "+84 90x xxx x67", "hash", true).withSealed(ContactCipher.seal(
                new ContactDetails("Trần Thị Bình", "+84901234567", null, null, null), key));
        CaseDocument doc = CaseDocument.of(TestCases.caseState().caseId("case-erased").department("kinh_te_ha_tang_do_thi")
                .contact(sealed).address(null).build());

        CaseView view = CaseView.detail(doc, OFFICER, TAXONOMY, NO_KEYS);

        assertThat(view.contact()).isEqualTo(new CaseView.ContactView(null, null, null, true, null, true));
        assertThat(view.text()).isEqualTo(doc.text());
        assertThat(view.category()).isNotNull();
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

        CaseView view = CaseView.detail(letter, new Caller("lanhdao", Roles.LEADER, null), TAXONOMY, NO_KEYS);

        assertThat(view.classification().place().formerUnitName()).isEqualTo("Xã Đông Hòa");
        assertThat(view.classification().place().toConfirm()).isTrue();
        assertThat(view.classification().requests()).extracting(ProposedRequest::department).containsExactly("kinh_te_ha_tang_do_thi", "cong_an");
    }

    @Test
    void searchResultsLeaveTheHistoryForTheCasePage() {
        Caller leader = new Caller("lanhdao", Roles.LEADER, null);

        assertThat(CaseView.summary(drain, leader, TAXONOMY).history()).isNull();
        assertThat(CaseView.detail(drain, leader, TAXONOMY, NO_KEYS).history()).hasSize(1);
    }
}
