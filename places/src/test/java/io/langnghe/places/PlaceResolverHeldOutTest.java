package io.langnghe.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line the resolver must hold on petitions it was never tuned on (places/addressed-heldout.jsonl,
 * written in residents' styles: letters, hotline notes, SMS without diacritics, old names and numbers,
 * abbreviations): the right area for at least 90% of those that name one, and no place at all for
 * those that name none.
 */
class PlaceResolverHeldOutTest {

    private static final PlaceResolver RESOLVER = PlaceResolver.of(Taxonomy.loadDefault());
    private static final List<Row> ADDRESSED = new ArrayList<>();
    private static final List<Row> NAMING_NO_PLACE = new ArrayList<>();

    record Row(String text, String area) {
    }

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PlaceResolverHeldOutTest.class.getResourceAsStream("/places/addressed-heldout.jsonl")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode row = json.readTree(line);
                JsonNode area = row.get("area");
                (area.isNull() ? NAMING_NO_PLACE : ADDRESSED).add(new Row(row.get("text").asText(), area.isNull() ? null : area.asText()));
            }
        }
    }

    @Test
    void findsTheRightAreaForNineInTenAddressedPetitions() {
        List<String> misses = new ArrayList<>();
        for (Row row : ADDRESSED) {
            Place place = RESOLVER.resolve(row.text());
            String found = place == null ? null : place.area();
            if (!row.area().equals(found)) {
                misses.add(row.area() + " ← " + found + ": " + row.text());
            }
        }
        double accuracy = 1.0 - (double) misses.size() / ADDRESSED.size();
        System.err.printf("place resolver: %d of %d addressed right (%.3f)%n  %s%n", ADDRESSED.size() - misses.size(),
                ADDRESSED.size(), accuracy, String.join("\n  ", misses));

        assertThat(ADDRESSED).hasSizeGreaterThanOrEqualTo(300);
        assertThat(accuracy).as("right area on the held-out addressed petitions").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void saysUnknownRatherThanGuessingWhenNoPlaceIsNamed() {
        List<String> guessed = NAMING_NO_PLACE.stream()
                .filter(row -> RESOLVER.resolve(row.text()) != null)
                .map(row -> row.text() + " → " + RESOLVER.resolve(row.text()))
                .toList();

        assertThat(NAMING_NO_PLACE).hasSizeGreaterThanOrEqualTo(30);
        assertThat(guessed).as("places found in texts that name none").isEmpty();
    }
}
