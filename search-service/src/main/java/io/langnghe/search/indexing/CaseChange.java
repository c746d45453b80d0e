package io.langnghe.search.indexing;

import io.langnghe.contracts.CaseState;

import java.util.OptionalLong;

/** What one record of {@code cases.v1} asks of the index. */
sealed interface CaseChange extends NewestPerKey.Change {

    String caseId();

    @Override
    default String key() {
        return caseId();
    }

    /** A new state of the case: written unless the index already holds a newer version. */
    record Upsert(CaseState state) implements CaseChange {
        @Override
        public String caseId() {
            return state.caseId();
        }

        @Override
        public OptionalLong version() {
            return OptionalLong.of(state.version());
        }
    }

    /** A tombstone on the compacted topic: the case is erased everywhere, here too. */
    record Removal(String caseId) implements CaseChange {
        @Override
        public OptionalLong version() {
            return OptionalLong.empty();
        }
    }
}
