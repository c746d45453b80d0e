package io.langnghe.routing.intake;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.Candidate;
import io.langnghe.routing.classify.Ranking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

    static final Router router = new Router(Taxonomy.loadDefault(), 0.5, 0.2);

    @ParameterizedTest(name = "best {0} {1}, runner-up {2} {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # best             | conf | runner-up       | conf | department             | triaged
            giao_thong_ha_tang | 0.90 | dien_nuoc       | 0.05 | kinh_te_ha_tang_do_thi | false
            giao_thong_ha_tang | 0.49 | dien_nuoc       | 0.10 | van_phong              | true    # below the confidence
            an_ninh_trat_tu    | 0.55 | moi_truong      | 0.40 | van_phong              | true    # runner-up within the margin
            an_ninh_trat_tu    | 0.61 | moi_truong      | 0.40 | cong_an                | false
            khac               | 0.30 | giao_duc        | 0.20 | van_phong              | false   # khac is the desk's own
            """)
    void sendsUnsureRankingsToTheTriageDesk(String best, double confidence, String second, double secondConfidence,
                                            String department, String triagedAndComment) {
        Ranking ranking = new Ranking(List.of(
                new Candidate(Category.fromCode(best).orElseThrow(), confidence, List.of("a")),
                new Candidate(Category.fromCode(second).orElseThrow(), secondConfidence, List.of("b"))));

        Routing routing = router.route(ranking);

        assertThat(routing.department()).isEqualTo(department);
        assertThat(routing.triaged()).isEqualTo(Boolean.parseBoolean(triagedAndComment.replaceAll("\\s*#.*", "")));
        assertThat(routing.classification().category().code()).isEqualTo(best);
    }
}
