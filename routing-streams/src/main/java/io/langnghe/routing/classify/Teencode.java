package io.langnghe.routing.classify;

import java.util.List;
import java.util.Map;

/**
 * The one place where residents' shorthand becomes the words it stands for, on folded syllables:
 * "ko", "k", "hok" → "khong"; "dc", "đc" → "duoc"; "nc" → "nuoc"; "j" → "gi"; "tdp" → "to dan pho".
 * The classifier and its training corpus both read text through it, so the model sees one spelling.
 */
public final class Teencode {

    private static final Map<String, List<String>> EXPANSIONS = Map.ofEntries(
            Map.entry("ko", List.of("khong")), Map.entry("k", List.of("khong")), Map.entry("kh", List.of("khong")),
            Map.entry("hok", List.of("khong")), Map.entry("hong", List.of("khong")), Map.entry("khg", List.of("khong")),
            Map.entry("kg", List.of("khong")), Map.entry("hem", List.of("khong")),
            Map.entry("dc", List.of("duoc")), Map.entry("dk", List.of("duoc")), Map.entry("dck", List.of("duoc")),
            Map.entry("nc", List.of("nuoc")), Map.entry("j", List.of("gi")), Map.entry("vs", List.of("voi")),
            Map.entry("r", List.of("roi")), Map.entry("oy", List.of("roi")), Map.entry("wa", List.of("qua")),
            Map.entry("bit", List.of("biet")), Map.entry("mn", List.of("moi", "nguoi")), Map.entry("chx", List.of("chua")),
            Map.entry("ng", List.of("nguoi")), Map.entry("dg", List.of("duong")), Map.entry("thy", List.of("thi")),
            Map.entry("cx", List.of("cung")), Map.entry("trc", List.of("truoc")), Map.entry("ntn", List.of("nhu", "the", "nao")),
            Map.entry("bn", List.of("bao", "nhieu")), Map.entry("hum", List.of("hom")), Map.entry("z", List.of("vay")),
            Map.entry("tdp", List.of("to", "dan", "pho")), Map.entry("ubnd", List.of("uy", "ban", "nhan", "dan")),
            Map.entry("p", List.of("phuong")), Map.entry("sdd", List.of("su", "dung", "dat")));

    private Teencode() {
    }

    /** The folded syllables a shorthand stands for, or the syllable itself. */
    public static List<String> expand(String foldedSyllable) {
        return EXPANSIONS.getOrDefault(foldedSyllable, List.of(foldedSyllable));
    }
}
