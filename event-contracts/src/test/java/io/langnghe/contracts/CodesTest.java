package io.langnghe.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodesTest {

    private final ObjectMapper json = Json.mapper();

    @Test
    void everyCodeOnTheWireReadsBackAsItsValue() throws Exception {
        for (List<? extends Enum<?>> values : List.of(List.of(Category.values()), List.of(CaseStatus.values()), List.of(Channel.values()),
                List.of(CaseType.values()), List.of(DeadlineState.values()), List.of(CaseCommand.Type.values()))) {
            for (Enum<?> value : values) {
                String written = json.writeValueAsString(value);
                assertThat(json.readValue(written, value.getDeclaringClass())).as(written).isSameAs(value);
            }
        }
        assertThat(Category.fromCode("giao_thong_ha_tang")).contains(Category.GIAO_THONG_HA_TANG);
    }

    @Test
    void anUnknownCodeIsRefusedAndNoCodeIsNone() {
        assertThat(Category.fromCode("GIAO_THONG_HA_TANG")).as("codes are lower case, as DESIGN.md writes them").isEmpty();
        assertThat(Category.fromCode(null)).isEmpty();
        assertThat(CaseStatus.fromCode("mo")).isEmpty();
        assertThatThrownBy(() -> json.readValue("\"dien\"", Category.class)).hasMessageContaining("unknown category: dien");
    }
}
