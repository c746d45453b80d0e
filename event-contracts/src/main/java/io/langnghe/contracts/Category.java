package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * The fields (lĩnh vực) a petition belongs to. The codes are fixed by DESIGN.md; names, keywords
 * and default departments live in {@code taxonomy/categories.yml}.
 */
public enum Category {
    MOI_TRUONG("moi_truong"),
    TRAT_TU_DO_THI("trat_tu_do_thi"),
    GIAO_THONG_HA_TANG("giao_thong_ha_tang"),
    DIEN_NUOC("dien_nuoc"),
    AN_NINH_TRAT_TU("an_ninh_trat_tu"),
    Y_TE_ATTP("y_te_attp"),
    CHINH_SACH_XA_HOI("chinh_sach_xa_hoi"),
    GIAO_DUC("giao_duc"),
    DAT_DAI("dat_dai"),
    HANH_CHINH("hanh_chinh"),
    KHAC("khac");

    private static final Map<String, Category> BY_CODE = Codes.byCode(values(), c -> c.code);

    private final String code;

    Category(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Category> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @JsonCreator
    static Category of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown category: " + code));
    }
}
