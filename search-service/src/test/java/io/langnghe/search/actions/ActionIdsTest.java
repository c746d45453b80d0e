package io.langnghe.search.actions;

import io.langnghe.search.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionIdsTest {

    @Test
    void aKeyNamesOneCommandOfOneOfficerOnOneCase() {
        String first = ActionIds.commandId("canbo.cong_an", "case-1", "act-0f3a9c51d2");

        assertThat(ActionIds.commandId("canbo.cong_an", "case-1", "act-0f3a9c51d2")).isEqualTo(first);
        assertThat(ActionIds.commandId("lanhdao", "case-1", "act-0f3a9c51d2")).isNotEqualTo(first);
        assertThat(ActionIds.commandId("canbo.cong_an", "case-2", "act-0f3a9c51d2")).isNotEqualTo(first);
        assertThat(ActionIds.commandId("canbo.cong_an", "case-1", null))
                .isNotEqualTo(ActionIds.commandId("canbo.cong_an", "case-1", null));
    }

    @Test
    void aKeyTooShortOrWithOtherCharactersIsRefused() {
        assertThatThrownBy(() -> ActionIds.commandId("lanhdao", "case-1", "short")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ActionIds.commandId("lanhdao", "case-1", "khóa có dấu 123")).isInstanceOf(ProblemException.class);
    }
}
