package io.langnghe.contracts.taxonomy;

import java.util.List;

/**
 * A commune (xã), town (thị trấn) or ward (phường) merged into the ward in 2025, whose name residents
 * keep writing ("xã Đông Hòa cũ").
 *
 * @param kind       xa, thi_tran or phuong: the word residents put before the name
 * @param aliases    other names of the unit (its name between 2024 and 2025, an older commune's name)
 * @param places     names known to lie in it that are not one area (a khu phố not yet mapped, a hill, a shrine)
 * @param streets    the streets and roads that cross it
 * @param neighbours the former units next to it (either side may name the pair)
 * @param sources    ids of the {@code sources} of areas.yml that confirm it
 */
public record FormerUnitInfo(String code, String vi, String en, String kind, List<String> aliases, List<String> places,
                             List<String> streets, List<String> neighbours, List<String> sources) {

    public FormerUnitInfo {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        places = places == null ? List.of() : List.copyOf(places);
        streets = streets == null ? List.of() : List.copyOf(streets);
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
