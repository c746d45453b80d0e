package io.langnghe.search.similar;

import io.langnghe.access.Caller;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * "Has someone already reported this?": the intake form asks before a resident sends. Open to
 * anyone, so it answers only what the tracking page would show; staff also get the text's start.
 */
@Controller("/api/similar")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SimilarController {

    static final int MAX_SIZE = 20;
    static final int MAX_TEXT = 2000;

    private final SimilarCaseFinder finder;
    private final Taxonomy taxonomy;
    private final Clock clock = Clock.systemUTC();

    public SimilarController(SimilarCaseFinder finder, Taxonomy taxonomy) {
        this.finder = finder;
        this.taxonomy = taxonomy;
    }

    @Get("{?area,text,size}")
    public SimilarCases similar(@Nullable @QueryValue String area, @Nullable @QueryValue String text,
                                @Nullable @QueryValue String size, @Nullable Authentication authentication) {
        List<FieldError> errors = new ArrayList<>();
        String areaCode = area == null ? "" : area.strip().toLowerCase(java.util.Locale.ROOT);
        if (areaCode.isEmpty()) {
            errors.add(new FieldError("area", "required", "Cần chọn tổ dân phố.", "An area is required."));
        } else if (taxonomy.area(areaCode).isEmpty()) {
            errors.add(new FieldError("area", "unknown_code", "Không có tổ dân phố này.", "There is no such area."));
        }
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            errors.add(new FieldError("text", "required", "Cần nhập nội dung.", "Some text is required."));
        } else if (words.length() > MAX_TEXT) {
            // A long petition is still a petition: its start says enough to find look-alikes.
            words = words.substring(0, Character.isHighSurrogate(words.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT);
        }
        int count = 5;
        if (size != null) {
            try {
                count = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_SIZE) {
                errors.add(new FieldError("size", "out_of_range", "Số kết quả phải từ 1 đến " + MAX_SIZE + ".",
                        "size must be between 1 and " + MAX_SIZE + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        Caller caller = authentication == null ? null : Caller.of(authentication);
        return new SimilarCases(areaCode, finder.find(areaCode, words, count, clock.instant()).stream()
                .map(doc -> SimilarCase.of(doc, caller, taxonomy)).toList());
    }
}
