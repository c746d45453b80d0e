package io.langnghe.search.dashboard;

import io.langnghe.search.cases.CodeName;

import java.time.Instant;
import java.util.List;

/**
 * Who is late, now: per department, the open cases, those of them past their deadline, and the
 * cases answered (answered or resolved). Every department of the taxonomy is listed, idle or not.
 */
public record DepartmentPerformance(Instant at, List<Row> departments) {

    public record Row(CodeName department, long open, long overdue, long answered) {
    }
}
