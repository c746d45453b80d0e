package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The look-alike index reads back what it wrote, and what older versions wrote (their bytes, and JSON). */
class LookalikeSerdeTest {

    @Test
    void readsBackTheCaseCategoryAndFingerprintItWrote() {
        Fingerprint drain = Fingerprint.of("Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ.");
        Lookalike written = new Lookalike("case-45", Category.GIAO_THONG_HA_TANG, drain);

        Lookalike read = roundTrip(written);

        assertThat(read.caseId()).isEqualTo("case-45");
        assertThat(read.category()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertSameFingerprint(read.fingerprint(), drain);
        assertThat(read.fingerprint().similarity(Fingerprint.of("cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan")))
                .isEqualTo(drain.similarity(Fingerprint.of("cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan")));
    }

    @Test
    void keepsACaseNotYetClassifiedAndATextWithoutWords() {
        Lookalike read = roundTrip(new Lookalike("case-ư", null, Fingerprint.of("")));

        assertThat(read.caseId()).isEqualTo("case-ư");
        assertThat(read.category()).isNull();
        assertSameFingerprint(read.fingerprint(), Fingerprint.of(""));
    }

    @Test
    void readsTheJsonAnOlderVersionWrote() {
        byte[] before = """
                {"caseId":"case-7","category":"moi_truong","fingerprint":{"shingles":[-5,3,17],"places":[42],"things":[],"states":[9]}}"""
                .getBytes(StandardCharsets.UTF_8);

        Lookalike read = LookalikeSerde.read(before);

        assertThat(read.caseId()).isEqualTo("case-7");
        assertThat(read.category()).isEqualTo(Category.MOI_TRUONG);
        assertThat(read.fingerprint().shingles()).containsExactly(-5, 3, 17);
        assertThat(read.fingerprint().places()).containsExactly(42);
        assertThat(read.fingerprint().things()).isEmpty();
        assertThat(read.fingerprint().states()).containsExactly(9);
    }

    @Test
    void readsTheBytesTheVersionBeforeWroteCaseIdFirst() {
        byte[] id = "case-9".getBytes(StandardCharsets.UTF_8);
        byte[] code = "dien_nuoc".getBytes(StandardCharsets.UTF_8);
        ByteBuffer before = ByteBuffer.allocate(1 + 4 + id.length + 4 + code.length + 4 * 4 + 4 * 4);
        before.put((byte) 1).putInt(id.length).put(id).putInt(code.length).put(code)
                .putInt(2).putInt(-5).putInt(3).putInt(1).putInt(42).putInt(0).putInt(1).putInt(9);

        Lookalike read = LookalikeSerde.read(before.array());

        assertThat(read.caseId()).isEqualTo("case-9");
        assertThat(read.category()).isEqualTo(Category.DIEN_NUOC);
        assertThat(read.fingerprint().shingles()).containsExactly(-5, 3);
        assertThat(read.fingerprint().places()).containsExactly(42);
        assertThat(read.fingerprint().things()).isEmpty();
        assertThat(read.fingerprint().states()).containsExactly(9);
    }

    private Lookalike roundTrip(Lookalike lookalike) {
        byte[] bytes = LookalikeSerde.write(lookalike);
        assertThat(bytes[0]).as("not JSON").isNotEqualTo((byte) '{');
        return LookalikeSerde.read(bytes);
    }

    private static void assertSameFingerprint(Fingerprint read, Fingerprint written) {
        assertThat(read.shingles()).containsExactly(written.shingles());
        assertThat(read.places()).containsExactly(written.places());
        assertThat(read.things()).containsExactly(written.things());
        assertThat(read.states()).containsExactly(written.states());
    }
}
