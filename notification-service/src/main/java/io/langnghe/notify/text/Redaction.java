package io.langnghe.notify.text;

import java.util.regex.Pattern;

/**
 * What an officer's answer may not carry into a message: phone numbers and e-mail addresses (the
 * resident's own or someone else's). A message never names anyone's contact.
 */
public final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    // Vietnamese numbers as people write them: 0912 345 678, 0912.345.678, +84 912345678
    private static final Pattern PHONE = Pattern.compile("(\\+?84|0)(?:[\\s.-]?\\d){8,10}");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll("***")).replaceAll("***");
    }
}
