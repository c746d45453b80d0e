package io.langnghe.contracts.taxonomy;

import java.util.List;

/**
 * A tổ dân phố (residential group) of the ward.
 *
 * @param neighbours the areas that share a street or a drain with this one: a problem there may be
 *                   the same problem (listing it on one side is enough)
 */
public record AreaInfo(String code, String vi, String en, List<String> neighbours) {

    public AreaInfo {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }

    public AreaInfo(String code, String vi, String en) {
        this(code, vi, en, List.of());
    }
}
