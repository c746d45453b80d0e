package io.langnghe.ingest.batch;

import io.langnghe.contracts.Channel;

import java.time.LocalDate;

/**
 * The meeting a batch of petitions was raised at: a tổ dân phố meeting ({@code group_meeting}) or a
 * voter-contact session of HĐND deputies ({@code voter_meeting}, tiếp xúc cử tri).
 *
 * @param area the tổ dân phố of a neighbourhood meeting; optional for a voter meeting
 */
public record Meeting(Channel kind, LocalDate date, String place, String chairedBy, String area) {
}
