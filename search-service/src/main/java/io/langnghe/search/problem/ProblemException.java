package io.langnghe.search.problem;

/** Ends a request with the given problem; the handler turns it into the answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private long retryAfterSeconds;

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

    /** 429 with Retry-After: too many requests, or too many wrong proofs, from one address or for one code. */
    public static ProblemException tooMany(long seconds) {
        ProblemException tooMany = new ProblemException(Problem.tooManyRequests(seconds));
        tooMany.retryAfterSeconds = seconds;
        return tooMany;
    }

    /** The seconds a 429 asks to wait (its Retry-After), else 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
