package io.langnghe.ingest.text;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Uploaded files as text: UTF-8 (with or without BOM); or, when the bytes are not UTF-8 but read as
 * Windows-1252 they are TCVN3 or VNI Vietnamese (an old Excel sheet saved as plain "CSV"), that
 * text, converted later field by field. Anything else is refused with a clear message.
 */
public final class LegacyText {

    private LegacyText() {
    }

    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            String legacy = new String(bytes, Charset.forName("windows-1252"));
            if (LegacyVietnamese.detect(legacy) != LegacyVietnamese.Encoding.UNICODE) {
                return legacy;
            }
            throw new InvalidInputException(new FieldError("body", "not_utf8",
                    "Tệp không phải UTF-8; trong Excel hãy lưu dạng \"CSV UTF-8\".",
                    "The file is not UTF-8; in Excel save it as \"CSV UTF-8\"."));
        }
    }
}
