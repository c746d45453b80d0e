package io.langnghe.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingCodeTest {

    private static final String ALPHABET = TrackingCode.ALPHABET;

    /** Many codes from a seeded generator: the properties below must hold for every one of them. */
    private static List<TrackingCode> sample() {
        Random random = new Random(20250101);
        return IntStream.range(0, 300).mapToObj(i -> TrackingCode.generate(random)).toList();
    }

    @Test
    void looksLikeK7MXQ2PA9CGroupedForReadingAloud() {
        TrackingCode code = TrackingCode.generate();

        assertThat(code.display()).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}");
        assertThat(code.value()).hasSize(10);
    }

    @Test
    void usesNeitherZeroNorOhNorOneNorEye() {
        assertThat(ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
        assertThat(ALPHABET.chars().distinct().count()).isEqualTo(32);
    }

    @Test
    void carriesAtLeastFortyBitsOfRandomness() {
        double bits = TrackingCode.RANDOM_SYMBOLS * (Math.log(ALPHABET.length()) / Math.log(2));

        assertThat(bits).isGreaterThanOrEqualTo(40);
    }

    @Test
    void rarelyRepeatsAmongTenThousandCodes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(TrackingCode.generate().value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void readsWhatPeopleType() {
        TrackingCode code = TrackingCode.generate();

        assertThat(TrackingCode.parse(code.display())).contains(code);
        assertThat(TrackingCode.parse(code.display().toLowerCase())).contains(code);
        assertThat(TrackingCode.parse(code.value())).contains(code);
        assertThat(TrackingCode.parse(" " + code.display().replace('-', ' ') + " ")).contains(code);
    }

    @Test
    void catchesEverySingleCharacterSubstitution() {
        for (TrackingCode code : sample()) {
            for (int position = 0; position < code.value().length(); position++) {
                for (char other : ALPHABET.toCharArray()) {
                    if (other == code.value().charAt(position)) {
                        continue;
                    }
                    StringBuilder typo = new StringBuilder(code.value());
                    typo.setCharAt(position, other);
                    assertThat(TrackingCode.parse(typo.toString())).as("typo %s of %s", typo, code).isEmpty();
                }
            }
        }
    }

    @Test
    void catchesEveryAdjacentTranspositionOfAnyTwoSymbols() {
        // Every pair of different symbols, in every position, the check symbol included.
        Random random = new Random(7);
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                if (a == b) {
                    continue;
                }
                for (int position = 0; position < 9; position++) {
                    String code = codeWith(random, position, a, b);
                    String swapped = code.substring(0, position) + b + a + code.substring(position + 2);
                    assertThat(TrackingCode.parse(swapped)).as("%s swapped to %s", code, swapped).isEmpty();
                }
            }
        }
    }

    @Test
    void catchesTheTranspositionThatLuhnModNMisses() {
        // Luhn mod 32 cannot tell "2Z" from "Z2" (the first and last symbols of the alphabet).
        String code = codeWith(new Random(3), 2, '2', 'Z');
        String swapped = code.substring(0, 2) + "Z2" + code.substring(4);

        assertThat(TrackingCode.parse(code)).isPresent();
        assertThat(TrackingCode.parse(swapped)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7MX-Q2PA", "K7MX-Q2PA-9C-22", "K0MX-Q2PA-9C", "K7MX-Q2PA-9!"})
    void refusesWhatIsNotACode(String typed) {
        assertThat(TrackingCode.parse(typed)).isEmpty();
        assertThat(TrackingCode.parse(null)).isEmpty();
    }

    @Test
    void cannotBeBuiltWithAWrongCheckSymbol() {
        String value = TrackingCode.generate().value();
        char wrong = value.charAt(9) == '2' ? '3' : '2';

        assertThatThrownBy(() -> new TrackingCode(value.substring(0, 9) + wrong))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A valid code whose symbols at position and position+1 are a and b (position + 1 may be the check symbol). */
    private static String codeWith(Random random, int position, char a, char b) {
        while (true) {
            String value = TrackingCode.generate(random).value();
            String candidate = value.substring(0, position) + a + b + value.substring(position + 2);
            if (position + 1 < 9) {
                String data = candidate.substring(0, 9);
                return data + checkSymbolFor(data);
            }
            // b is the check symbol: keep drawing until the data ending in a yields it.
            if (TrackingCode.parse(candidate).isPresent()) {
                return candidate;
            }
        }
    }

    private static char checkSymbolFor(String data) {
        for (char c : ALPHABET.toCharArray()) {
            if (TrackingCode.parse(data + c).isPresent()) {
                return c;
            }
        }
        throw new AssertionError("no check symbol for " + data);
    }
}
