package io.langnghe.contracts.taxonomy;

import io.langnghe.contracts.Category;

import java.util.List;

/** A department (phòng ban), the categories it takes by default, and whether it is the triage desk. */
public record DepartmentInfo(String code, String vi, String en, List<Category> categories, boolean triage) {
    public DepartmentInfo {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
