package io.langnghe.search.issues;

import io.langnghe.contracts.IssueState;
import io.langnghe.search.indexing.NewestPerKey;

import java.util.OptionalLong;

/** What one record of {@code issues.v1} asks of the index. */
sealed interface IssueChange extends NewestPerKey.Change {

    /** The issue's risk and size now: written unless the index already holds a newer version. */
    record Upsert(IssueState state) implements IssueChange {
        @Override
        public String key() {
            return state.issueId();
        }

        @Override
        public OptionalLong version() {
            return OptionalLong.of(state.version());
        }
    }

    /** A tombstone: the early warning forgot the issue, so its cases show their own risk again. */
    record Removal(String key) implements IssueChange {
        @Override
        public OptionalLong version() {
            return OptionalLong.empty();
        }
    }
}
