package io.langnghe.search.cases;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SearchParametersTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final ZoneId WARD = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void nothingAskedMeansEverythingFirstPageOfTwenty() {
        CaseQuery query = new SearchParameters(null, null, null, null, null, null, null, null, null).check(TAXONOMY, WARD);

        assertThat(query.text()).isNull();
        assertThat(query.categories()).isEmpty();
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(20);
    }

    @Test
    void listsAreCommaSeparatedCodes() {
        CaseQuery query = new SearchParameters(" cong thoat nuoc ", "moi_truong,giao_thong_ha_tang", "cong_an", "tdp-05",
                "new, assigned", null, null, "2", "50").check(TAXONOMY, WARD);

        assertThat(query.text()).isEqualTo("cong thoat nuoc");
        assertThat(query.categories()).containsExactly(Category.MOI_TRUONG, Category.GIAO_THONG_HA_TANG);
        assertThat(query.departments()).containsExactly("cong_an");
        assertThat(query.areas()).containsExactly("tdp-05");
        assertThat(query.statuses()).containsExactly(CaseStatus.NEW, CaseStatus.ASSIGNED);
        assertThat(query.offset()).isEqualTo(100);
    }

    @Test
    void aDayCoversTheWholeDayInTheWardsTimeZone() {
        CaseQuery query = new SearchParameters(null, null, null, null, null, "2025-07-01", "2025-07-01", null, null).check(TAXONOMY, WARD);

        assertThat(query.from()).isEqualTo(Instant.parse("2025-06-30T17:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2025-07-01T17:00:00Z"));
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new SearchParameters("x".repeat(501), "nuoc", "phong_ma", "tdp-99", "open", "hom qua", "2025-13-01", "-1", "101")
                        .check(TAXONOMY, WARD));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(FieldError::field)
                .containsExactly("q", "category", "department", "area", "status", "from", "to", "page", "size");
        assertThat(problem.problem().errors()).allSatisfy(error -> {
            assertThat(error.messageVi()).isNotBlank();
            assertThat(error.messageEn()).isNotBlank();
        });
    }

    @Test
    void pagesBeyondTenThousandResultsAreRefused() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new SearchParameters(null, null, null, null, null, null, null, "100", "100").check(TAXONOMY, WARD));

        assertThat(problem.problem().errors()).extracting(FieldError::code).containsExactly("too_deep");
    }
}
