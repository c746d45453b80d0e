package io.langnghe.contracts;

/**
 * One request of a letter that holds several, classified and routed on its own: what the stream proposes
 * to the officer as a case of its own, linked to the letter it came from.
 *
 * @param index      its place in the letter, from 1
 * @param text       the request as written
 * @param area       the area its words (or the letter's preamble) name, or null
 */
public record ProposedRequest(int index, String text, Category category, String department, String area) {
}
