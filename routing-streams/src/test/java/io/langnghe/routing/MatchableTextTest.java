package io.langnghe.routing;

import io.langnghe.routing.classify.Corpus;
import io.langnghe.routing.classify.LabelledExample;
import io.langnghe.text.VietnameseText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MatchableTextTest {

    /** The definition the phrase lists were written against: NFC, lower case, split on anything but letters and numbers. */
    private static String byRegex(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(nfc.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cống thoát nước ở ngõ 45 bị tắc!!", "CONG THOAT NUOC bi tac", "  đèn—đường\thỏng\n\nđã 3 ngày ",
            "x² ½ Ⅻ 𝔘𝔫𝔦 ㈠ km²", "", "?!", "Điện giật: cột điện số 12, tổ dân phố 7."})
    void readsSyllablesAsTheRegexDefinesThem(String text) {
        assertThat(MatchableText.syllables(text)).isEqualTo(byRegex(text));
        assertThat(MatchableText.syllables(Normalizer.normalize(text, Normalizer.Form.NFD))).isEqualTo(byRegex(text));
    }

    @Test
    void readsEveryPetitionOfTheCorpusAsTheRegexAndFoldingDo() {
        for (LabelledExample example : Corpus.load(Corpus.TRAINING)) {
            String text = example.text();
            MatchableText matchable = MatchableText.of(text);
            assertThat(matchable.accented()).isEqualTo(" " + byRegex(text) + " ");
            assertThat(matchable.folded()).isEqualTo(" " + VietnameseText.foldForMatching(text) + " ");
            assertThat(matchable.withDiacritics()).isEqualTo(VietnameseText.hasDiacritics(text));
        }
    }

    @Test
    void tellsATextTypedWithoutDiacritics() {
        assertThat(MatchableText.of("chay nha o ngo 5").withDiacritics()).isFalse();
        assertThat(MatchableText.of("Cháy nhà ở ngõ 5").withDiacritics()).isTrue();
        assertThat(MatchableText.of("   ").isBlank()).isTrue();
    }
}
