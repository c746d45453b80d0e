package io.langnghe.contracts;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An enum's values by the code they are written as on the wire. A code is read for every category,
 * status and history line of every event (the early warning reads hundreds of look-alikes per report),
 * so it is a map lookup, not a search through the values.
 */
public final class Codes {

    private Codes() {
    }

    /** The values by code; looking up {@code null} or an unknown code gives {@code null}. */
    public static <E extends Enum<E>> Map<String, E> byCode(E[] values, Function<E, String> code) {
        Map<String, E> byCode = new HashMap<>();
        for (E value : values) {
            byCode.put(code.apply(value), value);
        }
        return Collections.unmodifiableMap(byCode);
    }
}
