package io.langnghe.search.index;

import io.langnghe.search.TestCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseDocumentTest {

    @Test
    void textIsKeptAsWrittenAndFoldedForSearch() {
        CaseDocument doc = CaseDocument.of(TestCases.caseState().text("Đường Đào Duy Từ ngập nước").trackingCode("k7mx-q2pa-9c").build());

        assertThat(doc.text()).isEqualTo("Đường Đào Duy Từ ngập nước");
        assertThat(doc.textFolded()).isEqualTo("duong dao duy tu ngap nuoc");
        assertThat(doc.trackingCode()).isEqualTo("K7MXQ2PA9C");
    }

    @Test
    void indexNamesFollowThePrefix() {
        CasesIndex index = CasesIndex.withPrefix("langnghe");

        assertThat(index.alias()).isEqualTo("langnghe-cases");
        assertThat(index.current()).isEqualTo("langnghe-cases-v1");
        assertThat(index.pattern()).isEqualTo("langnghe-cases-v*");
    }
}
