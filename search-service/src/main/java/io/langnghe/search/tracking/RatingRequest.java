package io.langnghe.search.tracking;

import io.langnghe.contracts.Rating;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.langnghe.text.VietnameseText;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/track/{code}/rating} as sent, checked all at once: 1 to 5 stars,
 * whether the problem is really fixed (a "not fixed" may reopen the case, so it is never assumed),
 * an optional comment, and the proof: the last 4 digits of the phone given with the petition
 * (needed when one was given; see {@link TrackingController#rate}).
 */
@Introspected
public record RatingRequest(@Nullable Integer stars, @Nullable String comment, @Nullable Boolean fixed, @Nullable String proof) {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    /** The proof as typed, digits only (full-width ones read as ASCII), or null when none was sent. */
    public String proofDigits() {
        if (proof == null || proof.isBlank()) {
            return null;
        }
        return Normalizer.normalize(proof, Normalizer.Form.NFKC).replaceAll("[\\s.-]", "");
    }

    static final int MAX_COMMENT = 1000;

    public Rating check(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (stars == null) {
            errors.add(new FieldError("stars", "required", "Hãy chọn từ 1 đến 5 sao.", "Choose 1 to 5 stars."));
        } else if (stars < 1 || stars > 5) {
            errors.add(new FieldError("stars", "out_of_range", "Số sao phải từ 1 đến 5.", "Stars must be 1 to 5."));
        }
        if (fixed == null) {
            errors.add(new FieldError("fixed", "required",
                    "Hãy cho biết sự việc đã thực sự được khắc phục chưa.", "Say whether the problem is really fixed."));
        }
        String digits = proofDigits();
        if (digits != null && !FOUR_DIGITS.matcher(digits).matches()) {
            errors.add(new FieldError("proof", "four_digits", "Nhập đúng 4 số cuối của số điện thoại.",
                    "Enter exactly the last 4 digits of the phone number."));
        }
        String note = comment == null || comment.isBlank() ? null : VietnameseText.normalize(comment);
        if (note != null && note.codePointCount(0, note.length()) > MAX_COMMENT) {
            errors.add(new FieldError("comment", "too_long",
                    "Nhận xét dài quá " + MAX_COMMENT + " ký tự.", "The comment is longer than " + MAX_COMMENT + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return new Rating(stars, note, fixed, now);
    }
}
