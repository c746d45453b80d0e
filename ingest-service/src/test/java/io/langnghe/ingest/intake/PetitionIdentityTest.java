package io.langnghe.ingest.intake;

import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.contact.ContactHasher;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PetitionIdentityTest {

    @Test
    void aFreshPetitionGetsARandomVersion4IdAndAValidCode() {
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            PetitionIdentity identity = PetitionIdentity.fresh();
            UUID id = UUID.fromString(identity.feedbackId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(TrackingCode.parse(identity.trackingCode().display())).contains(identity.trackingCode());
            ids.add(identity.feedbackId());
            codes.add(identity.trackingCode().value());
        }
        assertThat(ids).hasSize(2_000);
        assertThat(codes).hasSize(2_000);
    }

    @Test
    void everySymbolOfAFreshCodeTakesEveryValueOfTheAlphabet() {
        // 45 random bits means each of the nine symbols is uniform over 32 values; 2,000 codes miss one with odds ~1e-26
        int[][] seen = new int[9][TrackingCode.ALPHABET.length()];
        for (int i = 0; i < 2_000; i++) {
            String code = PetitionIdentity.fresh().trackingCode().value();
            for (int position = 0; position < 9; position++) {
                seen[position][TrackingCode.ALPHABET.indexOf(code.charAt(position))]++;
            }
        }
        for (int[] position : seen) {
            assertThat(position).doesNotContain(0);
        }
    }

    @Test
    void aPetitionWithAStableIdentityGetsTheSameIdAndCodeEachTime() {
        ContactHasher hasher = new ContactHasher("a secret of the ward, long enough to be real");
        PetitionIdentity first = PetitionIdentity.derived("client:key-1:abc", hasher);

        assertThat(PetitionIdentity.derived("client:key-1:abc", hasher)).isEqualTo(first);
        assertThat(PetitionIdentity.derived("client:key-2:abc", hasher).trackingCode()).isNotEqualTo(first.trackingCode());
        assertThat(PetitionIdentity.derived("client:key-1:abc", new ContactHasher("another ward's secret, just as long"))
                .trackingCode()).isNotEqualTo(first.trackingCode());
    }
}
