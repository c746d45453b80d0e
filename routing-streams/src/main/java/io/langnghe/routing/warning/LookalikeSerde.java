package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The look-alike index's values as bytes: parsing fingerprints from JSON was a sixth of a lone petition's cost
 * when each report read its neighbours' open cases from the store ({@link Lookalikes} now reads them once, when
 * the task starts).
 * <pre>
 *   2 (format) | places | things | category code ("" for none) | states | shingles | case id
 *   a text: its UTF-8 length (int) and bytes; an array: its length (int) and ints
 * </pre>
 * (What it names comes first: a version that read the store for every report stopped there for a case naming
 * other places or things.)
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
        return decode(bytes);
    }

    private static Lookalike decode(byte[] bytes) {
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
            int[] things = ints(in);
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
