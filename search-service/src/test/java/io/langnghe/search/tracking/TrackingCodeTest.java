package io.langnghe.search.tracking;

import io.langnghe.contracts.TrackingCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"K7MX-Q2PA-9C", "k7mx-q2pa-9c", "K7MXQ2PA9C", " K7MX Q2PA 9C ", "k7mx q2pa-9c"})
    void theCodeAsPeopleTypeItIsTheSameCode(String typed) {
        assertThat(TrackingCode.normalise(typed)).isEqualTo("K7MXQ2PA9C");
        assertThat(TrackingCode.display(typed)).isEqualTo("K7MX-Q2PA-9C");
    }
}
