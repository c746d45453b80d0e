package io.langnghe.search.problem;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.SearchParameters;
import io.langnghe.search.publicread.PublicRequestParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every page, size and date a person or a script can type is either read or refused with a 400 that
 * names the field; none reaches Elasticsearch to come back as a 503 (page=2147483647 used to
 * overflow the result window into a negative number). Staff search, the queue, the dashboard and
 * exports read their parameters with {@link SearchParameters}; the public list and Open311 with
 * {@link PublicRequestParameters}.
 */
class OutOfRangeParametersTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final ZoneId WARD = ZoneId.of("Asia/Ho_Chi_Minh");

    @ParameterizedTest(name = "page={0} size={1} from={2} to={3} → {4}")
    @CsvSource(nullValues = "NULL", textBlock = """
            2147483647,  20,   NULL,                       NULL,          page
            2147483646,  1000, NULL,                       NULL,          page
            -1,          NULL, NULL,                       NULL,          page
            99999999999, NULL, NULL,                       NULL,          page
            NULL,        0,    NULL,                       NULL,          size
            NULL,        -5,   NULL,                       NULL,          size
            NULL,        1e3,  NULL,                       NULL,          size
            NULL,        NULL, +999999999-12-31,           NULL,          from
            NULL,        NULL, NULL,                       -999999999-01-01, to
            NULL,        NULL, 1969-12-31,                 NULL,          from
            NULL,        NULL, 2025-02-30,                 NULL,          from
            NULL,        NULL, +10000-01-01T00:00:00Z,     NULL,          from
            """)
    void aPublicListParameterOutOfRangeIsA400NamingIt(String page, String size, String from, String to, String field) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () ->
                new PublicRequestParameters(null, null, null, from, to, null, page, size).check(TAXONOMY, WARD));

        assertThat(refused).as("refused, not passed on").isNotNull();
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly(field);
    }

    @ParameterizedTest(name = "page={0} size={1} from={2} → {3}")
    @CsvSource(nullValues = "NULL", textBlock = """
            2147483647,  20,   NULL,                   page
            2147483647,  1,    NULL,                   page
            NULL,        0,    NULL,                   size
            NULL,        NULL, +999999999-12-31,       from
            """)
    void aStaffSearchParameterOutOfRangeIsA400NamingIt(String page, String size, String from, String field) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () ->
                new SearchParameters(null, null, null, null, null, from, null, page, size).check(TAXONOMY, WARD));

        assertThat(refused).as("refused, not passed on").isNotNull();
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly(field);
    }

    @ParameterizedTest(name = "page={0} size={1}")
    @CsvSource(textBlock = """
            0,  1000
            9,  1000
            499, 20
            """)
    void theLastPagesInsideTheWindowAreRead(String page, String size) {
        PublicRequestParameters.Query query = new PublicRequestParameters(null, null, null, null, null, null, page, size)
                .check(TAXONOMY, WARD);

        assertThat((long) query.offset() + query.size()).isLessThanOrEqualTo(PublicRequestParameters.MAX_WINDOW);
    }

    private static List<String> fields(ProblemException refused) {
        return refused.problem().errors().stream().map(FieldError::field).toList();
    }
}
