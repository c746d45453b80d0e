package io.langnghe.ingest;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The ward's taxonomy: the built-in one, or the files of {@code langnghe.taxonomy-dir} when set. */
@Factory
public class TaxonomyFactory {

    @Singleton
    public Taxonomy taxonomy(@Value("${langnghe.taxonomy-dir:}") String directory) {
        return directory.isBlank() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(directory));
    }
}
