package io.langnghe.notify.send;

/** A channel refused or could not take a message; {@code retryable} when trying later may help (timeouts, 5xx, 429). */
public class SendFailure extends Exception {

    private final boolean retryable;

    public SendFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public SendFailure(String message, Throwable cause) {
        super(message, cause);
        this.retryable = true;
    }

    public boolean retryable() {
        return retryable;
    }
}
