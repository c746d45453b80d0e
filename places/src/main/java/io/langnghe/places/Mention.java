package io.langnghe.places;

/**
 * What a phrase of the taxonomy names: an area, a former unit, or a street (whose code is its name).
 *
 * @param numbered the phrase is a kind word and a number ("thôn 3", "tdp 5"): several former units may have one
 * @param strength how much the phrase alone says: a full name with its kind word more than a bare name
 * @param phrase   the taxonomy's words it came from, as a resident would read them in the reasons
 */
record Mention(Kind kind, String code, boolean numbered, double strength, String phrase) {

    enum Kind { AREA, UNIT, STREET }
}
