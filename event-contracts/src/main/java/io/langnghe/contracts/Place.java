package io.langnghe.contracts;

import java.util.List;

/**
 * Where a petition's words put it: the area and the former unit (commune or town before the 2025
 * merger) its text or address names, how sure the resolver is, and the words that decided it.
 *
 * @param area           the area code, or null when the words name only a former unit (or several areas)
 * @param formerUnit     the former unit's code, or null when the words name only a street crossing several
 * @param confidence     0..1: a thôn named with its commune is near 1; a commune alone or a conflict is low
 * @param reasons        the words that decided it, as read ("thôn 3 (xã Đông Hòa, cũ) → Thôn Hiền Thư")
 * @param details        what narrows it inside the area but does not decide it: house number, ngõ, ngách, street
 * @param toConfirm      too unsure to trust: the officer's case page asks to confirm or correct it
 */
public record Place(String area, String areaName, String formerUnit, String formerUnitName, double confidence,
                    List<String> reasons, List<String> details, boolean toConfirm) {

    public Place {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The place an officer set by hand: certain. */
    public static Place confirmed(String area, String areaName, String formerUnit, String formerUnitName, String actor) {
        return new Place(area, areaName, formerUnit, formerUnitName, 1.0,
                List.of("cán bộ xác nhận / confirmed by " + actor), List.of(), false);
    }
}
