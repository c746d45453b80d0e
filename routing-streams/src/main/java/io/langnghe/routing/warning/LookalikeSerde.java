package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The look-alike index's values as bytes: each new report reads up to {@value EarlyWarning#COMPARED_PER_AREA}
 * of them per area, and parsing their fingerprints from JSON was a sixth of a lone petition's cost.
 * <pre>
 *   1 (format) | case id | category code ("" for none) | shingles | places | things | states
 *   a text: its UTF-8 length (int) and bytes; an array: its length (int) and ints
 * </pre>
 * Values written as JSON before (their first byte is '{') are still read, so a store restored from an
 * older changelog keeps working.
 */
public final class LookalikeSerde implements Serde<Lookalike> {

    private static final byte FORMAT = 1;
    private static final JsonSerde<Lookalike> BEFORE = new JsonSerde<>(Lookalike.class);

    @Override
    public Serializer<Lookalike> serializer() {
        return (topic, lookalike) -> lookalike == null ? null : write(lookalike);
    }

    @Override
    public Deserializer<Lookalike> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return BEFORE.deserializer().deserialize(topic, bytes);
            }
            return read(bytes);
        };
    }

    private static byte[] write(Lookalike lookalike) {
        byte[] caseId = lookalike.caseId().getBytes(StandardCharsets.UTF_8);
        byte[] category = lookalike.category() == null ? new byte[0] : lookalike.category().code().getBytes(StandardCharsets.UTF_8);
        Fingerprint f = lookalike.fingerprint();
        int ints = f.shingles().length + f.places().length + f.things().length + f.states().length;
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + caseId.length + 4 + category.length + 4 * 4 + 4 * ints);
        out.put(FORMAT).putInt(caseId.length).put(caseId).putInt(category.length).put(category);
        for (int[] values : new int[][]{f.shingles(), f.places(), f.things(), f.states()}) {
            out.putInt(values.length);
            for (int value : values) {
                out.putInt(value);
            }
        }
        return out.array();
    }

    private static Lookalike read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != FORMAT) {
                throw new SerializationException("unknown format " + bytes[0] + " of a look-alike");
            }
            String caseId = text(in);
            String code = text(in);
            Category category = code.isEmpty() ? null : Category.fromCode(code)
                    .orElseThrow(() -> new SerializationException("unknown category " + code + " of look-alike " + caseId));
            return new Lookalike(caseId, category, new Fingerprint(ints(in), ints(in), ints(in), ints(in)));
        } catch (RuntimeException e) {
            if (e instanceof SerializationException known) {
                throw known;
            }
            throw new SerializationException("a look-alike of " + bytes.length + " bytes cut short", e);
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
