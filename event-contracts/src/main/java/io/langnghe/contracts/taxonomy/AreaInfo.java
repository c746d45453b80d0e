package io.langnghe.contracts.taxonomy;

/** A tổ dân phố (residential group) of the ward. */
public record AreaInfo(String code, String vi, String en) {
}
