package io.langnghe.places;

import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.FormerUnitInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase by which residents name the ward's places, folded, each with what it names: the names of
 * areas and former units with and without their kind word, abbreviated ("tdp 5", "kp", "x. Đông Hòa",
 * "tt Rừng Thông"), their aliases and old numbering, and the streets with the former units they cross.
 * Built once from the taxonomy; a phrase an officer teaches is added to a copy.
 */
final class PlaceWords {

    // The words residents put before an area's name, per kind of area.
    private static final Map<String, List<String>> AREA_KIND_WORDS = Map.of(
            "thon", List.of("thon", "xom", "lang"),
            "khu_pho", List.of("khu pho", "kp", "khu", "khoi", "tieu khu", "tk"),
            AreaInfo.TO_DAN_PHO, List.of("to dan pho", "tdp", "to", "to dp"));
    // Before a former unit's name: residents mix them up (a "xã" that became a "phường"), so any goes.
    private static final List<String> UNIT_KIND_WORDS = List.of("xa", "x", "thi tran", "tt", "phuong", "p");
    // Everyday phrases that are also the name of a place: read only after a kind word.
    private static final Set<String> EVERYDAY = Set.of("thong nhat", "doan ket", "dong tam", "the gioi", "dong", "trung");
    private static final Map<String, List<String>> ROAD_WORDS = Map.of(
            "quoc lo", List.of("quoc lo", "ql", "quoc lo so"),
            "tinh lo", List.of("tinh lo", "tl", "duong tinh", "dt"));

    final Map<String, List<Mention>> phrases;
    final Map<String, Integer> longest;
    final Map<String, Set<String>> streetUnits;

    private PlaceWords(Map<String, List<Mention>> phrases, Map<String, Set<String>> streetUnits) {
        this.phrases = phrases;
        this.streetUnits = streetUnits;
        this.longest = new HashMap<>();
        phrases.keySet().forEach(p -> {
            String[] words = p.split(" ");
            longest.merge(words[0], words.length, Math::max);
        });
    }

    static PlaceWords of(Taxonomy taxonomy) {
        Map<String, List<Mention>> phrases = new HashMap<>();
        Map<String, Set<String>> streetUnits = new HashMap<>();
        for (FormerUnitInfo unit : taxonomy.formerUnits()) {
            List<String> names = new ArrayList<>(List.of(unit.vi()));
            names.addAll(unit.aliases());
            for (String name : names) {
                String core = strip(PlaceText.phrase(name), UNIT_KIND_WORDS);
                add(phrases, core, new Mention(Mention.Kind.UNIT, unit.code(), false, 0.85, unit.vi()));
                for (String kindWord : UNIT_KIND_WORDS) {
                    add(phrases, kindWord + " " + core, new Mention(Mention.Kind.UNIT, unit.code(), false, 0.95, unit.vi()));
                }
            }
            for (String place : unit.places()) {
                String core = PlaceText.phrase(place);
                Mention mention = new Mention(Mention.Kind.UNIT, unit.code(), false, 0.7, place + " (" + unit.vi() + ")");
                if (core.contains(" ") && !EVERYDAY.contains(core)) {
                    add(phrases, core, mention);
                }
                for (List<String> kindWords : AREA_KIND_WORDS.values()) {
                    kindWords.forEach(k -> add(phrases, k + " " + core, mention));
                }
                add(phrases, "cho " + core, mention);
            }
            unit.streets().forEach(street -> streetUnits.computeIfAbsent(street, s -> new LinkedHashSet<>()).add(unit.code()));
        }
        for (AreaInfo area : taxonomy.areas()) {
            addArea(phrases, area);
            area.streets().forEach(street -> streetUnits.computeIfAbsent(street, s -> new LinkedHashSet<>()).add(area.formerUnit()));
        }
        streetUnits.keySet().forEach(street -> streetPhrases(street)
                .forEach(p -> add(phrases, p, new Mention(Mention.Kind.STREET, street, false, 0.5, street))));
        return new PlaceWords(phrases, streetUnits);
    }

    /** A copy that also reads {@code words} as naming {@code area} (an officer confirmed it). */
    PlaceWords teach(String words, AreaInfo area) {
        Map<String, List<Mention>> copy = new HashMap<>(phrases);
        String phrase = PlaceText.phrase(words);
        // What an officer taught replaces what the phrase meant before: they read the letter.
        copy.put(phrase, List.of(new Mention(Mention.Kind.AREA, area.code(), false, 0.9, area.vi() + " (đã học / learned)")));
        return new PlaceWords(copy, streetUnits);
    }

    private static void addArea(Map<String, List<Mention>> phrases, AreaInfo area) {
        List<String> kindWords = AREA_KIND_WORDS.getOrDefault(area.kind(), List.of());
        String core = strip(PlaceText.phrase(area.vi()), allAreaKindWords());
        if (isNumber(core)) {
            addNumbered(phrases, area, core, kindWords, 0.85, area.vi());
        } else {
            kindWords.forEach(k -> add(phrases, k + " " + core, new Mention(Mention.Kind.AREA, area.code(), false, 0.9, area.vi())));
            if (!area.commonPhrase() && !EVERYDAY.contains(core)) {
                add(phrases, core, new Mention(Mention.Kind.AREA, area.code(), false, 0.85, area.vi()));
            }
        }
        for (String alias : area.aliases()) {
            String phrase = PlaceText.phrase(alias);
            String rest = strip(phrase, allAreaKindWords());
            String said = alias + " → " + area.vi();
            if (isNumber(rest)) {
                addNumbered(phrases, area, rest, kindWords, 0.8, said);
            } else if (!rest.equals(phrase)) {
                // "làng Minh": the bare name is too short to trust, with a kind word it is the area
                add(phrases, phrase, new Mention(Mention.Kind.AREA, area.code(), false, 0.85, said));
                kindWords.forEach(k -> add(phrases, k + " " + rest, new Mention(Mention.Kind.AREA, area.code(), false, 0.85, said)));
            } else {
                add(phrases, phrase, new Mention(Mention.Kind.AREA, area.code(), false, 0.8, said));
                kindWords.forEach(k -> add(phrases, k + " " + phrase, new Mention(Mention.Kind.AREA, area.code(), false, 0.85, said)));
            }
        }
    }

    private static void addNumbered(Map<String, List<Mention>> phrases, AreaInfo area, String number, List<String> kindWords,
                                    double strength, String said) {
        for (String k : kindWords) {
            // a lone "to" is also "tớ", "tô", "tờ" once the marks are gone: alone it needs confirming
            double sure = k.equals("to") ? Math.min(strength, 0.7) : strength;
            add(phrases, k + " " + number, new Mention(Mention.Kind.AREA, area.code(), true, sure, said));
            add(phrases, k + " so " + number, new Mention(Mention.Kind.AREA, area.code(), true, sure, said));
        }
    }

    private static List<String> streetPhrases(String street) {
        String phrase = PlaceText.phrase(street);
        List<String> all = new ArrayList<>(List.of(phrase));
        ROAD_WORDS.forEach((road, abbreviations) -> {
            if (phrase.startsWith(road + " ")) {
                String number = phrase.substring(road.length() + 1);
                abbreviations.forEach(a -> all.add(a + " " + number));
            }
        });
        if (!phrase.startsWith("duong ")) {
            all.add("duong " + phrase);
        }
        return all;
    }

    private static List<String> allAreaKindWords() {
        List<String> all = new ArrayList<>();
        AREA_KIND_WORDS.values().forEach(all::addAll);
        // longest first, so "to dan pho 5" loses "to dan pho", not only "to"
        all.sort((a, b) -> b.length() - a.length());
        return all;
    }

    private static String strip(String phrase, List<String> kindWords) {
        List<String> sorted = new ArrayList<>(kindWords);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String k : sorted) {
            if (phrase.startsWith(k + " ")) {
                return phrase.substring(k.length() + 1);
            }
        }
        return phrase;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static void add(Map<String, List<Mention>> phrases, String phrase, Mention mention) {
        List<Mention> list = phrases.computeIfAbsent(phrase, p -> new ArrayList<>());
        if (list.stream().noneMatch(m -> m.kind() == mention.kind() && m.code().equals(mention.code()))) {
            list.add(mention);
        }
    }
}
