package io.langnghe.search.dashboard;

import io.langnghe.search.cases.CodeName;

import java.time.Instant;
import java.util.List;

/**
 * Who is late, now: per department, the open cases and those of them past their deadline (whenever
 * they came); and of the cases received from {@code from} to {@code to}, those answered (answered or
 * resolved), how often on time and how fast, and how satisfied its residents are. Every department of
 * the taxonomy is listed, idle or not.
 */
public record DepartmentPerformance(Instant at, Instant from, Instant to, List<Row> departments) {

    /**
     * @param onTimeRate                 of the cases answered that had a deadline, the share answered by it (0..1);
     *                                   null when there is none
     * @param medianMinutesToAcknowledge from creation to an officer taking the case in hand
     * @param medianMinutesToResolve     from creation to resolved
     * @param ratings                    the cases its residents rated (the latest rating of each)
     * @param meanStars                  their mean stars (1..5), null when none
     * @param fixedShare                 of those, the share rated "really fixed" (0..1), null when none
     */
    public record Row(CodeName department, long open, long overdue, long answered,
                      Double onTimeRate, Double medianMinutesToAcknowledge, Double medianMinutesToResolve,
                      long ratings, Double meanStars, Double fixedShare) {
    }
}
