package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The look-alike index's values as bytes: each new report reads up to {@value EarlyWarning#COMPARED_PER_AREA}
 * of them per area, and parsing their fingerprints from JSON was a sixth of a lone petition's cost.
 * <pre>
 *   2 (format) | places | things | category code ("" for none) | states | shingles | case id
 *   a text: its UTF-8 length (int) and bytes; an array: its length (int) and ints
 * </pre>
 * What it names comes first: most open cases name another place or thing than the report in hand, which
 * makes them unlike it whatever their words ({@link Fingerprint#unlike}), so {@link #readUnlessUnlike}
 * stops there and decodes neither their words nor their id.
 * <p>
 * Values written before are still read, so a store restored from an older changelog keeps working: format 1
 * (case id | category | shingles | places | things | states) and JSON (their first byte is '{').
 */
public final class LookalikeSerde {

    private static final byte FORMAT = 2;
    private static final byte ID_FIRST = 1;
    private static final JsonSerde<Lookalike> BEFORE = new JsonSerde<>(Lookalike.class);

    private LookalikeSerde() {
    }

    static byte[] write(Lookalike lookalike) {
        byte[] caseId = lookalike.caseId().getBytes(StandardCharsets.UTF_8);
        byte[] category = lookalike.category() == null ? new byte[0] : lookalike.category().code().getBytes(StandardCharsets.UTF_8);
        Fingerprint f = lookalike.fingerprint();
        int ints = f.shingles().length + f.places().length + f.things().length + f.states().length;
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + caseId.length + 4 + category.length + 4 * 4 + 4 * ints);
        out.put(FORMAT);
        putInts(out, f.places());
        putInts(out, f.things());
        out.putInt(category.length).put(category);
        putInts(out, f.states());
        putInts(out, f.shingles());
        out.putInt(caseId.length).put(caseId);
        return out.array();
    }

    static Lookalike read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return BEFORE.deserializer().deserialize(null, bytes);
        }
        return decode(bytes, null);
    }

    /** The look-alike, or null when the places or things it names already make it unlike the report (then read no further). */
    static Lookalike readUnlessUnlike(byte[] bytes, Fingerprint report) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return read(bytes);
        }
        return decode(bytes, report);
    }

    private static Lookalike decode(byte[] bytes, Fingerprint report) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format == ID_FIRST) {
                String caseId = text(in);
                Category category = category(text(in), caseId);
                return new Lookalike(caseId, category, new Fingerprint(ints(in), ints(in), ints(in), ints(in)));
            }
            if (format != FORMAT) {
                throw new SerializationException("unknown format " + format + " of a look-alike");
            }
            int[] places = ints(in);
            if (report != null && Fingerprint.unlike(places, report.places())) {
                return null;
            }
            int[] things = ints(in);
            if (report != null && Fingerprint.unlike(things, report.things())) {
                return null;
            }
            String code = text(in);
            int[] states = ints(in);
            int[] shingles = ints(in);
            String caseId = text(in);
            return new Lookalike(caseId, category(code, caseId), new Fingerprint(shingles, places, things, states));
        } catch (RuntimeException e) {
            if (e instanceof SerializationException known) {
                throw known;
            }
            throw new SerializationException("a look-alike of " + bytes.length + " bytes cut short", e);
        }
    }

    private static Category category(String code, String caseId) {
        return code.isEmpty() ? null : Category.fromCode(code)
                .orElseThrow(() -> new SerializationException("unknown category " + code + " of look-alike " + caseId));
    }

    private static void putInts(ByteBuffer out, int[] values) {
        out.putInt(values.length);
        for (int value : values) {
            out.putInt(value);
        }
    }

    private static String text(ByteBuffer in) {
        byte[] utf8 = new byte[in.getInt()];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getInt();
        }
        return values;
    }
}
