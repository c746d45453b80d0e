package io.langnghe.places;

import io.langnghe.contracts.Place;
import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.FormerUnitInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads where a petition is from its words: the thôn, khu phố or tổ dân phố it names, the former commune
 * or town (old names included, "thôn 3 xã Đông Hòa cũ"), the streets that cross them, with or without
 * diacritics and abbreviated ("TDP5", "KP", "x. Đông Hòa", "QL47"). It never guesses:
 * <ul>
 *   <li>an area named by its name: that area (0.85–0.97, higher when the former unit named agrees);</li>
 *   <li>a number ("thôn 3", "tổ 5") found in one former unit only, or in the one named, or on the street named: that area;</li>
 *   <li>a former unit alone, or a number several units have: the unit only, no area, to confirm;</li>
 *   <li>no place named: null.</li>
 * </ul>
 * House numbers, ngõ, ngách and hẻm narrow the place inside the area: they are kept as details.
 */
public final class PlaceResolver {

    /** Below this the officer is asked to confirm the place. */
    public static final double CONFIRM_BELOW = 0.75;

    private static final Pattern DETAIL = Pattern.compile(
            "\\b(so nha|so|ngo|ngach|hem|kiet|can ho|lo)( so)? (\\d+[a-z]?(?: \\d+)*)\\b");

    // "tớ gọi 2 lần", "mất nước 3 ngày": a kind word and a number followed by one of these counts something, names nothing.
    private static final Set<String> COUNTED = Set.of("lan", "ngay", "gio", "tieng", "phut", "thang", "tuan",
            "nguoi", "ho", "cai", "chiec", "m", "km", "met", "cm", "kg", "trieu", "nghin");

    private final Map<String, AreaInfo> areas;
    private final Map<String, FormerUnitInfo> units;
    private volatile PlaceWords words;

    private PlaceResolver(Taxonomy taxonomy, PlaceWords words) {
        this.areas = taxonomy.areas().stream().collect(Collectors.toMap(AreaInfo::code, Function.identity()));
        this.units = taxonomy.formerUnits().stream().collect(Collectors.toMap(FormerUnitInfo::code, Function.identity()));
        this.words = words;
    }

    public static PlaceResolver of(Taxonomy taxonomy) {
        return new PlaceResolver(taxonomy, PlaceWords.of(taxonomy));
    }

    /** Where the text puts the petition, or null when it names no place. */
    public Place resolve(String text) {
        return resolve(text, null);
    }

    /** Where the address (first) and the text put the petition, or null when neither names a place. */
    public Place resolve(String text, String address) {
        String all = address == null || address.isBlank() ? text : address + "\n" + text;
        List<String> tokens = PlaceText.tokens(all);
        List<Found> found = find(tokens);
        if (found.isEmpty()) {
            return null;
        }
        return decide(found, details(tokens));
    }

    /**
     * An officer confirmed that these words name this area: the next petition that uses them resolves
     * there. Returns false when the area is not in the taxonomy or the words are empty.
     */
    public boolean learn(String placeWords, String area) {
        AreaInfo info = areas.get(area);
        if (info == null || placeWords == null || PlaceText.tokens(placeWords).isEmpty()) {
            return false;
        }
        synchronized (this) {
            words = words.teach(placeWords, info);
        }
        return true;
    }

    private List<Found> find(List<String> tokens) {
        PlaceWords index = words;
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Integer longest = index.longest.get(tokens.get(i));
            int matched = 0;
            if (longest != null) {
                for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                    String phrase = String.join(" ", tokens.subList(i, i + n));
                    List<Mention> mentions = index.phrases.get(phrase);
                    boolean counts = i + n < tokens.size() && COUNTED.contains(tokens.get(i + n))
                            && mentions != null && mentions.get(0).numbered();
                    if (mentions != null && !counts) {
                        found.add(new Found(phrase, mentions));
                        matched = n;
                    }
                }
            }
            i += Math.max(matched, 1);
        }
        return found;
    }

    private Place decide(List<Found> found, List<String> details) {
        Set<String> unitsNamed = new LinkedHashSet<>();
        Set<String> streetUnits = new LinkedHashSet<>();
        List<String> unitReasons = new ArrayList<>();
        List<Pick> named = new ArrayList<>();
        List<Pick> numbered = new ArrayList<>();
        for (Found f : found) {
            for (Mention m : f.mentions()) {
                switch (m.kind()) {
                    case UNIT -> {
                        unitsNamed.add(m.code());
                        unitReasons.add(f.words() + " → " + m.phrase());
                    }
                    case STREET -> {
                        streetUnits.addAll(words.streetUnits.getOrDefault(m.code(), Set.of()));
                        unitReasons.add(f.words() + " → " + m.phrase());
                    }
                    case AREA -> (m.numbered() ? numbered : named).add(new Pick(f.words(), m));
                }
            }
        }
        if (!named.isEmpty()) {
            return choose(named, unitsNamed, unitReasons, details, false);
        }
        if (!numbered.isEmpty()) {
            Place byNumber = choose(numbered, unitsNamed, unitReasons, details, true);
            if (byNumber.area() == null && unitsNamed.isEmpty() && !streetUnits.isEmpty()) {
                return choose(numbered, streetUnits, unitReasons, details, true);
            }
            return byNumber;
        }
        if (!unitsNamed.isEmpty()) {
            String unit = unitsNamed.iterator().next();
            return place(null, unit, unitsNamed.size() == 1 ? 0.5 : 0.4, unitReasons, details);
        }
        String unit = streetUnits.size() == 1 ? streetUnits.iterator().next() : null;
        return place(null, unit, 0.3, unitReasons, details);
    }

    private Place choose(List<Pick> picks, Set<String> unitsNamed, List<String> unitReasons, List<String> details,
                         boolean byNumber) {
        Set<String> codes = new LinkedHashSet<>();
        picks.forEach(p -> codes.add(p.mention().code()));
        List<String> inUnits = codes.stream().filter(c -> unitsNamed.contains(areas.get(c).formerUnit())).toList();
        List<String> reasons = new ArrayList<>();
        picks.stream().filter(p -> unitsNamed.isEmpty() || inUnits.contains(p.mention().code()))
                .forEach(p -> reasons.add(p.words() + " → " + p.mention().phrase()));
        reasons.addAll(unitReasons);
        if (!unitsNamed.isEmpty()) {
            if (inUnits.size() == 1) {
                double strength = strength(picks, inUnits.get(0));
                return place(inUnits.get(0), null, Math.min(0.97, strength + 0.1), reasons, details);
            }
            if (inUnits.isEmpty()) {
                // The area named lies in another former unit than the one named: the name decides, an officer confirms.
                List<String> all = new ArrayList<>();
                picks.forEach(p -> all.add(p.words() + " → " + p.mention().phrase()));
                all.addAll(unitReasons);
                return byNumber ? place(null, unitsNamed.iterator().next(), 0.4, all, details)
                        : place(codes.iterator().next(), null, 0.6, all, details);
            }
            return byNumber ? place(null, unitsNamed.iterator().next(), 0.5, reasons, details)
                    : place(inUnits.get(0), null, 0.6, reasons, details);
        }
        if (codes.size() == 1) {
            String code = codes.iterator().next();
            return place(code, null, strength(picks, code), reasons, details);
        }
        if (byNumber) {
            // "thôn 3" without its commune: several have one. Say which unit only when they all agree.
            Set<String> candidateUnits = new LinkedHashSet<>();
            codes.forEach(c -> candidateUnits.add(areas.get(c).formerUnit()));
            String unit = candidateUnits.size() == 1 ? candidateUnits.iterator().next() : null;
            return place(null, unit, 0.3, reasons, details);
        }
        return place(codes.iterator().next(), null, 0.6, reasons, details);
    }

    private static double strength(List<Pick> picks, String code) {
        return picks.stream().filter(p -> p.mention().code().equals(code))
                .mapToDouble(p -> p.mention().strength()).max().orElse(0.5);
    }

    private Place place(String area, String unit, double confidence, List<String> reasons, List<String> details) {
        AreaInfo info = area == null ? null : areas.get(area);
        String unitCode = info != null ? info.formerUnit() : unit;
        FormerUnitInfo unitInfo = unitCode == null ? null : units.get(unitCode);
        double rounded = Math.round(confidence * 100) / 100.0;
        return new Place(area, info == null ? null : info.vi(), unitCode, unitInfo == null ? null : unitInfo.vi(),
                rounded, List.copyOf(new LinkedHashSet<>(reasons)), details, area == null || rounded < CONFIRM_BELOW);
    }

    private static List<String> details(List<String> tokens) {
        List<String> details = new ArrayList<>();
        Matcher m = DETAIL.matcher(String.join(" ", tokens));
        while (m.find()) {
            details.add(m.group(1) + " " + m.group(3));
        }
        return details;
    }

    private record Found(String words, List<Mention> mentions) {
    }

    private record Pick(String words, Mention mention) {
    }
}
