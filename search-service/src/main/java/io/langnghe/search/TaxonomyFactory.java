package io.langnghe.search;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The ward's vocabulary: the shipped one, or a ward's own directory ({@code LANGNGHE_TAXONOMY_DIR}). */
@Factory
public class TaxonomyFactory {

    @Singleton
    Taxonomy taxonomy(@Value("${langnghe.taxonomy-dir:}") String directory) {
        return directory.isBlank() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(directory));
    }
}
