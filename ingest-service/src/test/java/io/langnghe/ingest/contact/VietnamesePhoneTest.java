package io.langnghe.ingest.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnamesePhoneTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0912345678         | +84912345678
            0912 345 678       | +84912345678
            0912.345.678       | +84912345678
            +84912345678       | +84912345678
            +84 912 345 678    | +84912345678
            84912345678        | +84912345678
            84 91 234 5678     | +84912345678
            +84 (0) 912345678  | +84912345678
            0987-654-321       | +84987654321
            0356789012         | +84356789012
            070 123 4567       | +84701234567
            0237 3852 123      | +842373852123
            024 3825 6789      | +842438256789
            +84 28 3829 1234   | +842838291234
            """)
    void normalisesWhatResidentsWriteToE164(String typed, String e164) {
        assertThat(VietnamesePhone.parse(typed)).map(VietnamesePhone::e164).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                 // nothing
            "912345678",        // no trunk 0 and no country code
            "091234567",        // a digit short
            "09123456789",      // a digit too many
            "0123456789",       // 01x mobile prefixes were retired in 2018
            "0612345678",       // 06x is not allocated
            "1900 1234",        // service number
            "+1 650 253 0000",  // not Vietnamese
            "+85512345678",     // Cambodia
            "0912a45678",       // a letter
            "phone: 0912345678" // words around it
    })
    void refusesWhatIsNotAVietnameseNumber(String typed) {
        assertThat(VietnamesePhone.parse(typed)).isEmpty();
    }

    @Test
    void masksAllButTheFirstAndLastTwoDigits() {
        assertThat(VietnamesePhone.parse("0901234567").orElseThrow().masked()).isEqualTo("+84 90x xxx x67");
        assertThat(VietnamesePhone.parse("0237 3852 123").orElseThrow().masked()).isEqualTo("+84 23x xxx xx23");
    }

    @Test
    void hashesTheSameNumberTheSameWayAndOnlyWithTheKey() {
        ContactHasher hasher = new ContactHasher("secret-a");
        String number = VietnamesePhone.parse("0912 345 678").orElseThrow().e164();

        assertThat(hasher.hash(number))
                .hasSize(64)
                .isEqualTo(hasher.hash(VietnamesePhone.parse("+84912345678").orElseThrow().e164()))
                .isNotEqualTo(new ContactHasher("secret-b").hash(number))
                .doesNotContain("912345678");
    }
}
