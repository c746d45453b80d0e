package io.langnghe.notify.receipt;

import io.micronaut.http.HttpStatus;

/** A delivery receipt not taken, with the reason in Vietnamese and English. */
public final class ReceiptRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    ReceiptRefused(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ReceiptRefused unauthenticated() {
        return new ReceiptRefused(HttpStatus.UNAUTHORIZED, "receipt-refused", "Không xác thực được báo cáo / Receipt not authenticated",
                "Thiếu hoặc sai mã xác thực của báo cáo phát. / Missing or wrong token on the delivery receipt.");
    }

    static ReceiptRefused unknownMessage() {
        return new ReceiptRefused(HttpStatus.NOT_FOUND, "message-not-found", "Không tìm thấy tin nhắn / Message not found",
                "Không có tin nhắn nào đã gửi với mã này. / No message was sent with this key.");
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }
}
