package io.langnghe.search;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** The ward's vocabulary with its names, so the pages' filters and pickers follow the configuration. */
@Controller("/api/taxonomy")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TaxonomyController {

    private final Taxonomy taxonomy;

    public TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public record Entry(String code, String vi, String en) {
    }

    public record Vocabulary(List<Entry> categories, List<Entry> departments, List<Entry> areas) {
    }

    @Get
    public Vocabulary vocabulary() {
        return new Vocabulary(
                taxonomy.categories().stream().map(c -> new Entry(c.code().code(), c.vi(), c.en())).toList(),
                taxonomy.departments().stream().map(d -> new Entry(d.code(), d.vi(), d.en())).toList(),
                taxonomy.areas().stream().map(a -> new Entry(a.code(), a.vi(), a.en())).toList());
    }
}
