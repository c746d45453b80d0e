package io.langnghe.routing.warning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fingerprint's hashes are kept in the look-alike store and compared with those of reports read later: a
 * version that hashed a text otherwise (another hash, another folding, pairs joined otherwise, a set ordered
 * otherwise) would find no look-alike among the open cases an older one indexed. The values are those the
 * version that indexed today's stores worked out.
 */
class FingerprintHashesTest {

    @Test
    void hashesATextWithDiacriticsAsTheIndexedCasesWere() {
        Fingerprint f = Fingerprint.of("Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nc bẩn tràn ra ngõ, đèn đường hỏng!");

        assertThat(f.shingles()).containsExactly(-1628335023, -1368996335, -1212626270, -973957499, -965358260, -962217560,
                -844953347, -690962577, -663341375, -436787061, -211231578, -168457504, -164573659, 175031832, 176528568, 408647652,
                452169923, 610173702, 1217797674, 1291938143, 1905554943, 1961465540);
        assertThat(f.places()).containsExactly(175031832);
        assertThat(f.things()).containsExactly(-1861765227, -1473442598, 1905213160);
        assertThat(f.states()).containsExactly(-1774502433, -88893685, 581792728);
    }

    @Test
    void hashesTheSameDrainTypedWithoutDiacriticsAsTheIndexedCasesWere() {
        Fingerprint f = Fingerprint.of("cong ngo 45 le lai bi tac k ai xu ly, nc ban tran vao nha dan");

        assertThat(f.shingles()).containsExactly(-1897558127, -1628335023, -1456627006, -1368996335, -1241505380, -1212626270,
                -973957499, -962217560, -690962577, -299758350, -211231578, 175031832, 178213930, 610173702, 691668220, 1217797674,
                1719749567);
        assertThat(f.places()).containsExactly(175031832);
        assertThat(f.things()).containsExactly(-1861765227, -1473442598);
        assertThat(f.states()).containsExactly(-88893685);
    }
}
