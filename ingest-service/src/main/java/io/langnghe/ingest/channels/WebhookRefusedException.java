package io.langnghe.ingest.channels;

/** A webhook call that did not prove it came from the gateway: answered 401, nothing stored. */
public class WebhookRefusedException extends RuntimeException {

    private final String reasonVi;
    private final String reasonEn;

    public WebhookRefusedException(String reasonVi, String reasonEn) {
        super(reasonEn, null, false, false);
        this.reasonVi = reasonVi;
        this.reasonEn = reasonEn;
    }

    public String reasonVi() {
        return reasonVi;
    }

    public String reasonEn() {
        return reasonEn;
    }
}
