package io.langnghe.places;

import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;

/**
 * A text as the resolver reads it: folded syllables (no diacritics, đ→d, no punctuation), with letters
 * and digits written together pulled apart ("tdp5", "QL47" → "tdp 5", "ql 47") and numbers without
 * leading zeros ("tổ 05" = "tổ 5"), so every way of writing a place meets the same words.
 */
final class PlaceText {

    private PlaceText() {
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String syllable : VietnameseText.syllables(text)) {
            split(syllable, tokens);
        }
        return tokens;
    }

    static String phrase(String text) {
        return String.join(" ", tokens(text));
    }

    private static void split(String syllable, List<String> out) {
        int start = 0;
        for (int i = 1; i <= syllable.length(); i++) {
            boolean end = i == syllable.length();
            if (end || Character.isDigit(syllable.charAt(i)) != Character.isDigit(syllable.charAt(i - 1))) {
                out.add(number(syllable.substring(start, i)));
                start = i;
            }
        }
    }

    private static String number(String token) {
        if (!Character.isDigit(token.charAt(0))) {
            return token;
        }
        int i = 0;
        while (i < token.length() - 1 && token.charAt(i) == '0') {
            i++;
        }
        return token.substring(i);
    }
}
