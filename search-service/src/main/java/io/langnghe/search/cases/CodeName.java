package io.langnghe.search.cases;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;

/** A taxonomy code with its Vietnamese and English names, as pages show it. */
public record CodeName(String code, String vi, String en) {

    public static CodeName category(Taxonomy taxonomy, Category category) {
        if (category == null) {
            return null;
        }
        var info = taxonomy.category(category);
        return info == null ? new CodeName(category.code(), null, null) : new CodeName(category.code(), info.vi(), info.en());
    }

    public static CodeName department(Taxonomy taxonomy, String code) {
        if (code == null) {
            return null;
        }
        return taxonomy.department(code)
                .map(d -> new CodeName(code, d.vi(), d.en()))
                .orElse(new CodeName(code, null, null));
    }
}
