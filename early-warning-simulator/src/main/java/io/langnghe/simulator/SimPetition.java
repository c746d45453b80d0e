package io.langnghe.simulator;

import io.langnghe.contracts.Channel;

import java.time.Instant;

/**
 * One petition of the simulated stream.
 *
 * @param id       the feedback id (= the case id)
 * @param reporter the resident, as the contact hash ingest would send, or null (no contact left)
 * @param incident the injected incident it belongs to, or null for the background
 * @param refersTo the id of an earlier petition of the same resident it follows up (a repeat call), or null
 */
public record SimPetition(String id, Instant at, Channel channel, String area, String reporter, String text, String incident,
                          String refersTo) {
}
