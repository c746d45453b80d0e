package io.langnghe.search.problem;

/** Ends a request with the given problem; the handler turns it into the answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.title(), cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
