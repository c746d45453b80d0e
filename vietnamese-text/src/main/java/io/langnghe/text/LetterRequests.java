package io.langnghe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a resident's letter holds. Letters and voter-meeting minutes often carry several: numbered
 * points ("1.", "2)", "a)", "-"), ordinals ("Thứ nhất, … Thứ hai, …", "một là … hai là …"), "ngoài ra",
 * "bên cạnh đó", or one line per group of voters ("Cử tri thôn … kiến nghị …"). Each becomes one request,
 * to be classified and routed on its own; the greeting ("Kính gửi…", "Tôi tên là…, trú tại…") is kept apart
 * as the letter's preamble (it says who and where), and the closing ("Trân trọng cảm ơn") is dropped.
 * A letter with one request answers that one request, whole.
 */
public final class LetterRequests {

    /**
     * @param preamble what comes before the first request (greeting, name, address), or "" when none
     * @param requests the requests in the letter's order, each as written (at least one)
     */
    public record Split(String preamble, List<String> requests) {

        public boolean holdsSeveral() {
            return requests.size() > 1;
        }
    }

    // Where a new request starts, in folded text: list marks at a line start, ordinals and linking phrases after
    // a sentence end or a line start, and voters' groups in meeting minutes.
    private static final Pattern LIST_MARK = Pattern.compile(
            "(?m)^\\s*(?:\\d{1,2}\\s*[.)/:-]|[a-e]\\s*[)/]|[-+•*–])\\s+|(?<=\\s)\\d{1,2}[/)]\\s+");
    private static final Pattern SPOKEN_MARK = Pattern.compile(
            "(?:^|(?<=[.;!?:\\n]))\\s*(?:"
                    + "thu (?:nhat|hai|ba|tu|nam|sau)\\s*[,:.]"
                    + "|(?:mot|hai|ba|bon) la\\b"
                    + "|ngoai ra\\b|ben canh do\\b|dong thoi\\b|them nua\\b|mat khac\\b|cuoi cung\\b"
                    + "|(?:van de|y kien|kien nghi|noi dung|viec) thu (?:nhat|hai|ba|tu|nam|\\d)\\b"
                    + "|mot viec nua\\b|con mot viec\\b|con nua\\b|tiep theo\\b"
                    + "|cu tri (?:thon|xom|khu pho|kp|to|tdp|khu)\\b)");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(?:kinh gui|kinh thua|toi ten la|toi la|ten toi la|chung toi|can cu|dia chi|tru tai|noi dung"
                    + "|(?:toi|nha toi|gia dinh toi) (?:o|song o|tru o|cu tru))\\b");
    // Only a linking phrase ("Ngoài ra") says the sentence before it was a request: a list or "thứ nhất" opens them all.
    private static final Pattern LINKING = Pattern.compile(
            "^(?:ngoai ra|ben canh do|dong thoi|them nua|mat khac|cuoi cung|mot viec nua|con mot viec|con nua|tiep theo)\\b");
    private static final Pattern CLOSING = Pattern.compile(
            "(?:^|(?<=[.!\\n]))\\s*(?:(?:xin )?(?:chan thanh )?(?:tran trong|cam on)|kinh mong|rat mong|mong (?:phuong|lanh dao|cac cap|chinh quyen|cac dong chi)|nguoi viet don|nguoi lam don|ky ten)\\b.*$",
            Pattern.DOTALL);
    private static final int SHORTEST_REQUEST = 4;
    // Each character's fold, worked out the first time it is met: every petition is split, and folding one character
    // (decompose, drop the marks, lower-case, two regular expressions) cost more than the rest of the split.
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private LetterRequests() {
    }

    public static Split split(String letter) {
        String text = VietnameseText.normalize(letter == null ? "" : letter);
        // Fold character by character (same length), so positions found in the folded text cut the original.
        String folded = foldSameLength(text);
        int end = closingStart(folded);
        List<Integer> starts = new ArrayList<>();
        Matcher list = LIST_MARK.matcher(folded);
        while (list.find() && list.start() < end) {
            starts.add(list.start());
        }
        Matcher spoken = SPOKEN_MARK.matcher(folded);
        while (spoken.find() && spoken.start() < end) {
            int at = skipBlanks(folded, spoken.start());
            if (starts.stream().noneMatch(s -> Math.abs(s - at) < 4)) {
                starts.add(at);
            }
        }
        starts.sort(Integer::compare);
        if (starts.isEmpty()) {
            return new Split("", List.of(text.substring(0, end).strip()));
        }
        String preamble = text.substring(0, starts.get(0)).strip();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1) : end;
            String part = clean(text.substring(starts.get(i), to));
            if (VietnameseText.syllables(part).size() < SHORTEST_REQUEST && !requests.isEmpty()) {
                requests.set(requests.size() - 1, requests.get(requests.size() - 1) + " " + part);
            } else if (!part.isEmpty()) {
                requests.add(part);
            }
        }
        // The preamble's last sentence may be the first request ("Kính gửi phường. Đường thôn 3 hỏng. Ngoài ra …").
        String first = lastSentence(preamble);
        if (!first.isEmpty() && LINKING.matcher(folded.substring(starts.get(0))).find() && !PREAMBLE.matcher(foldSameLength(first)).find()
                && !first.endsWith(":") && VietnameseText.syllables(first).size() >= SHORTEST_REQUEST) {
            requests.add(0, first);
            preamble = preamble.substring(0, preamble.length() - first.length()).strip();
        }
        if (requests.size() == 1) {
            return new Split(preamble, List.of(requests.get(0)));
        }
        return new Split(preamble, List.copyOf(requests));
    }

    private static String lastSentence(String preamble) {
        int cut = -1;
        for (int i = preamble.length() - 2; i >= 0 && cut < 0; i--) {
            char c = preamble.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ',') && i + 1 < preamble.length()
                    && Character.isWhitespace(preamble.charAt(i + 1)))) {
                cut = i + 1;
            }
        }
        return preamble.substring(cut < 0 ? 0 : cut).strip();
    }

    private static int closingStart(String folded) {
        Matcher closing = CLOSING.matcher(folded);
        // only a closing in the last third of the letter ends it; "rất mong" early on is part of a request
        while (closing.find()) {
            if (closing.start() > folded.length() * 2 / 3) {
                return closing.start();
            }
        }
        return folded.length();
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String clean(String part) {
        return part.strip().replaceAll("^(?:\\d{1,2}\\s*[.)/:-]|[a-eA-E]\\s*[)/]|[-+•*–])\\s+", "").strip();
    }

    static String foldSameLength(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldedChar(text.charAt(i));
        }
        return new String(out);
    }

    /** The character folded, or lower-cased where folding leaves no single character (a blank, a lone mark). */
    private static char foldedChar(char c) {
        char known = FOLDED[c];
        if (known == 0) {
            String one = VietnameseText.fold(String.valueOf(c));
            known = one.length() == 1 ? one.charAt(0) : Character.toLowerCase(c);
            // threads that meet the same character at once write the same value
            FOLDED[c] = known;
        }
        return known;
    }
}
