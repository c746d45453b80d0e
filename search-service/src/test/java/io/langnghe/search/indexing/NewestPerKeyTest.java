package io.langnghe.search.indexing;

import io.langnghe.search.TestCases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Of the versions of one case read in one bulk, Elasticsearch is asked to write only the last word. */
class NewestPerKeyTest {

    @Test
    void writesOnlyTheNewestVersionOfEachCase() {
        List<CaseChange> bulk = List.of(
                upsert("case-a", 1),
                upsert("case-b", 1),
                upsert("case-a", 2),
                upsert("case-a", 3),   // the issue grew: case-a assessed again
                upsert("case-b", 2));

        assertThat(NewestPerKey.of(bulk)).extracting(NewestPerKeyTest::describe)
                .containsExactly("case-a v3", "case-b v2");
    }

    @Test
    void keepsANewerVersionReadBeforeAnOlderOne() {
        List<CaseChange> bulk = List.of(
                upsert("case-a", 5),
                upsert("case-a", 4));  // replayed after a rebalance

        assertThat(NewestPerKey.of(bulk)).extracting(NewestPerKeyTest::describe).containsExactly("case-a v5");
    }

    @Test
    void aTombstoneAfterAStateErasesTheCaseAndAStateAfterATombstoneWritesIt() {
        List<CaseChange> bulk = List.of(
                upsert("case-a", 7),
                new CaseChange.Removal("case-a"),
                new CaseChange.Removal("case-b"),
                upsert("case-b", 1));  // the id filed anew after its erasure

        assertThat(NewestPerKey.of(bulk)).extracting(NewestPerKeyTest::describe)
                .containsExactly("case-a removed", "case-b v1");
    }

    private static CaseChange upsert(String caseId, long version) {
        return new CaseChange.Upsert(TestCases.caseState().caseId(caseId).version(version).build());
    }

    private static String describe(CaseChange change) {
        return change instanceof CaseChange.Upsert upsert
                ? change.caseId() + " v" + upsert.state().version()
                : change.caseId() + " removed";
    }
}
