package io.langnghe.contracts.taxonomy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An area of the ward: a thôn, khu phố or tổ dân phố inside one former unit (the commune or town it
 * belonged to before the 2025 merger).
 *
 * @param neighbours   the areas that share a street or a drain with this one: a problem there may be
 *                     the same problem (listing it on one side is enough)
 * @param formerUnit   the code of the former commune or town, or null in a ward without former units
 * @param kind         thon, khu_pho or to_dan_pho (null: to_dan_pho)
 * @param aliases      other names residents use: old names, old numbering ("thôn 3" of Đông Hòa before 2018)
 * @param streets      the streets and roads that cross it
 * @param commonPhrase the name without its kind word is an everyday phrase ("đoàn kết"): read it only after "thôn"
 * @param unverified   no public source confirms it as today's unit: to check with the ward's office
 */
public record AreaInfo(String code, String vi, String en, List<String> neighbours, String formerUnit, String kind,
                       List<String> aliases, List<String> streets, boolean commonPhrase, boolean unverified) {

    public static final String TO_DAN_PHO = "to_dan_pho";

    @JsonCreator
    public AreaInfo(@JsonProperty("code") String code, @JsonProperty("vi") String vi, @JsonProperty("en") String en,
                    @JsonProperty("neighbours") List<String> neighbours, @JsonProperty("formerUnit") String formerUnit,
                    @JsonProperty("kind") String kind, @JsonProperty("aliases") List<String> aliases,
                    @JsonProperty("streets") List<String> streets, @JsonProperty("commonPhrase") boolean commonPhrase,
                    @JsonProperty("unverified") boolean unverified) {
        this.code = code;
        this.vi = vi;
        this.en = en;
        this.neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        this.formerUnit = formerUnit;
        this.kind = kind == null ? TO_DAN_PHO : kind;
        this.aliases = aliases == null ? List.of() : List.copyOf(aliases);
        this.streets = streets == null ? List.of() : List.copyOf(streets);
        this.commonPhrase = commonPhrase;
        this.unverified = unverified;
    }

    public AreaInfo(String code, String vi, String en, List<String> neighbours) {
        this(code, vi, en, neighbours, null, TO_DAN_PHO, List.of(), List.of(), false, false);
    }

    public AreaInfo(String code, String vi, String en) {
        this(code, vi, en, List.of());
    }

    public AreaInfo withFormerUnit(String formerUnit) {
        return new AreaInfo(code, vi, en, neighbours, formerUnit, kind, aliases, streets, commonPhrase, unverified);
    }

    public AreaInfo withAliases(List<String> aliases) {
        return new AreaInfo(code, vi, en, neighbours, formerUnit, kind, aliases, streets, commonPhrase, unverified);
    }
}
