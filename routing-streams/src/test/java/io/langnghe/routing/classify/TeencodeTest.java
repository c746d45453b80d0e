package io.langnghe.routing.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents' shorthand and the Telex keys left in a text typed with the input method off, as the model reads them. */
class TeencodeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ko       | khong
            dc       | duoc
            nc       | nuoc
            ddieenj  | dien
            nuwowcs  | nuoc
            phongf   | phong
            ddaats   | dat
            cuwus    | cuu
            trais    | trai
            tramj    | tram
            khong    | khong
            nuoc     | nuoc
            hs       | hs
            karaoke  | karaoke
            """)
    void readsShorthandAndTelexKeys(String written, String read) {
        assertThat(String.join(" ", Teencode.expand(written))).isEqualTo(read);
    }
}
