package io.langnghe.ingest.intake;

import io.langnghe.contracts.Channel;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.ingest.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FeedbackFormTest {

    private static final String DRAIN = "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên";

    private final FeedbackForm form = new FeedbackForm(Taxonomy.loadDefault(), IntakeLimits.defaults());

    @Test
    void readsAWebPetitionWithEveryField() {
        Submission submission = form.read(bytes("""
                {"text":"  %s  ","channel":"web","area":"TDP-05","address":" số 12 ngõ 5 ","name":"Nguyễn Văn An",
                 "phone":"0912.345.678","consentToContact":true,"photos":[]}""".formatted(DRAIN)));

        assertThat(submission.text()).isEqualTo(DRAIN);
        assertThat(submission.channel()).isEqualTo(Channel.WEB);
        assertThat(submission.area()).isEqualTo("tdp-05");
        assertThat(submission.address()).isEqualTo("số 12 ngõ 5");
        assertThat(submission.name()).isEqualTo("Nguyễn Văn An");
        assertThat(submission.phone().e164()).isEqualTo("+84912345678");
        assertThat(submission.consentToContact()).isTrue();
    }

    @Test
    void storesDecomposedTextComposed() {
        String nfd = Normalizer.normalize(DRAIN, Normalizer.Form.NFD);

        Submission submission = form.read(bytes("{\"text\":\"" + nfd + "\",\"channel\":\"hotline\"}"));

        assertThat(submission.text()).isEqualTo(DRAIN);
        assertThat(Normalizer.isNormalized(submission.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(submission.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(submission.area()).isNull();
        assertThat(submission.phone()).isNull();
    }

    @Test
    void countsTheLimitInCharactersNotBytes() {
        String fiveThousand = "ệ".repeat(5000); // 15,000 bytes of UTF-8, 5,000 characters

        assertThat(form.read(bytes("{\"text\":\"" + fiveThousand + "\",\"channel\":\"web\"}")).text()).hasSize(5000);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                arguments("{\"channel\":\"web\"}", "text", "required"),
                arguments("{\"text\":null,\"channel\":\"web\"}", "text", "required"),
                arguments("{\"text\":\"\",\"channel\":\"web\"}", "text", "blank"),
                arguments("{\"text\":\" \\n\\t \",\"channel\":\"web\"}", "text", "blank"),
                arguments("{\"text\":42,\"channel\":\"web\"}", "text", "not_string"),
                arguments("{\"text\":\"" + "a".repeat(5001) + "\",\"channel\":\"web\"}", "text", "too_long"),
                arguments("{\"text\":\"\\ud800 lẻ\",\"channel\":\"web\"}", "text", "invalid_characters"),
                arguments("{\"text\":\"Đèn hỏng\"}", "channel", "required"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"fax\"}", "channel", "unknown"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"sms\"}", "channel", "other_endpoint"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"web\",\"area\":\"tdp-99\"}", "area", "unknown"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"web\",\"phone\":\"12345\"}", "phone", "invalid_phone"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"web\",\"name\":\"" + "A".repeat(201) + "\"}", "name", "too_long"),
                arguments("{\"text\":\"Đèn hỏng\",\"channel\":\"web\",\"consentToContact\":\"yes\"}", "consentToContact", "not_boolean"),
                arguments("", "body", "required"),
                arguments("{\"text\":\"Đèn hỏng\",", "body", "malformed_json"),
                arguments("{\"text\":\"a\",\"text\":\"b\",\"channel\":\"web\"}", "body", "malformed_json"),
                arguments("{\"text\":\"a\",\"channel\":\"web\"} {}", "body", "malformed_json"),
                arguments("[\"Đèn hỏng\"]", "body", "not_object"),
                arguments("\"Đèn hỏng\"", "body", "not_object"),
                arguments("{\"text\":\"" + "a".repeat(70_000) + "\",\"channel\":\"web\"}", "body", "too_large"));
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("badInput")
    void namesTheBadFieldInVietnameseAndEnglish(String body, String field, String code) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> form.read(bytes(body)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).contains(tuple(field, code));
        assertThat(refused.errors()).allSatisfy(error -> {
            assertThat(error.messageVi()).isNotBlank().isNotEqualTo(error.messageEn());
            assertThat(error.messageEn()).isNotBlank();
        });
    }

    @Test
    void listsEveryBadFieldAtOnce() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> form.read(bytes("{\"text\":\"\",\"channel\":\"fax\",\"area\":\"tdp-99\",\"phone\":\"1\"}")));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("text", "channel", "area", "phone");
    }

    @Test
    void speaksVietnameseWithDiacritics() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> form.read(bytes("{\"channel\":\"web\"}")));

        assertThat(refused.errors().get(0).messageVi()).isEqualTo("Vui lòng nhập nội dung kiến nghị.");
        assertThat(refused.errors().get(0).messageEn()).isEqualTo("Please write the petition text.");
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
