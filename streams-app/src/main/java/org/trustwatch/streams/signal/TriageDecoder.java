package org.trustwatch.streams.signal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.trustwatch.schema.ProxyEvent;

/**
 * Reads a web request's triage fields straight from its Avro binary, with a plan made once per writer schema: the
 * fields it needs are read, the others skipped by their length. Avro's own projection walks the writer schema for
 * every record, boxes every number and builds a generic record; for nine requests in ten that was all the work the
 * app did on them. A writer schema with a field this plan does not know how to walk gets no plan (see
 * {@link #forWriter}), and the caller reads such records with Avro's projection instead.
 */
public final class TriageDecoder {

    private static final int SKIP = -1;

    private enum Kind {
        LONG,
        INT,
        STRING,
        BOOLEAN,
        FLOAT,
        DOUBLE,
        ENUM
    }

    /**
     * What each triage slot must be in a writer's schema (nullable or not): what it is in the schema this app was
     * built with, whose types {@link RequestTriage}'s components follow.
     */
    private static final List<Kind> SLOT_KINDS = RequestTriage.FIELDS.stream()
            .map(name -> kindOf(
                            nonNull(ProxyEvent.getClassSchema().getField(name).schema()))
                    .orElseThrow())
            .toList();

    private final Kind[] kinds;
    /** The branch that holds null in a {@code [null, T]} or {@code [T, null]} union; -1 for a plain field. */
    private final int[] nullBranch;
    /** Where a field's value goes among the triage slots; {@link #SKIP} for the fields triage does not read. */
    private final int[] slots;

    private TriageDecoder(Kind[] kinds, int[] nullBranch, int[] slots) {
        this.kinds = kinds;
        this.nullBranch = nullBranch;
        this.slots = slots;
    }

    /**
     * The plan for records written with {@code writer}, or empty when the writer has a field that is not a primitive,
     * an enum or a union of null and a primitive, when the event time is missing or nullable, or when a triage field
     * has another type than this reader expects.
     */
    public static Optional<TriageDecoder> forWriter(Schema writer) {
        List<Schema.Field> fields = writer.getFields();
        Kind[] kinds = new Kind[fields.size()];
        int[] nullBranch = new int[fields.size()];
        int[] slots = new int[fields.size()];
        boolean timestamp = false;
        for (int i = 0; i < fields.size(); i++) {
            Schema schema = fields.get(i).schema();
            nullBranch[i] = -1;
            if (schema.getType() == Schema.Type.UNION) {
                List<Schema> branches = schema.getTypes();
                if (branches.size() != 2) {
                    return Optional.empty();
                }
                int nullAt = branches.get(0).getType() == Schema.Type.NULL
                        ? 0
                        : branches.get(1).getType() == Schema.Type.NULL ? 1 : -1;
                if (nullAt < 0) {
                    return Optional.empty();
                }
                nullBranch[i] = nullAt;
                schema = branches.get(1 - nullAt);
            }
            Optional<Kind> kind = kindOf(schema);
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            kinds[i] = kind.get();
            int slot = RequestTriage.FIELDS.indexOf(fields.get(i).name());
            if (slot >= 0 && SLOT_KINDS.get(slot) != kinds[i]) {
                return Optional.empty();
            }
            if (slot == 0) {
                if (nullBranch[i] >= 0) {
                    return Optional.empty();
                }
                timestamp = true;
            }
            slots[i] = slot < 0 ? SKIP : slot;
        }
        return timestamp ? Optional.of(new TriageDecoder(kinds, nullBranch, slots)) : Optional.empty();
    }

    /** The type a {@code [null, T]} union holds; the schema itself when it is not a union. */
    private static Schema nonNull(Schema schema) {
        return schema.getType() != Schema.Type.UNION
                ? schema
                : schema.getTypes().stream()
                        .filter(t -> t.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElse(schema);
    }

    private static Optional<Kind> kindOf(Schema schema) {
        return switch (schema.getType()) {
            case LONG -> Optional.of(Kind.LONG);
            case INT -> Optional.of(Kind.INT);
            case STRING -> Optional.of(Kind.STRING);
            case BOOLEAN -> Optional.of(Kind.BOOLEAN);
            case FLOAT -> Optional.of(Kind.FLOAT);
            case DOUBLE -> Optional.of(Kind.DOUBLE);
            case ENUM -> Optional.of(Kind.ENUM);
            default -> Optional.empty();
        };
    }

    /**
     * The triage fields of the record that starts at {@code offset}.
     *
     * @throws IllegalArgumentException when the record ends early or is not of the plan's writer schema
     */
    public RequestTriage read(byte[] data, int offset) {
        Cursor in = new Cursor(data, offset);
        Object[] values = new Object[SLOT_KINDS.size()];
        try {
            for (int i = 0; i < kinds.length; i++) {
                if (nullBranch[i] >= 0) {
                    long branch = in.varLong();
                    if (branch == nullBranch[i]) {
                        continue;
                    }
                    if (branch != 1 - nullBranch[i]) {
                        throw new IllegalArgumentException("union branch " + branch + " in field " + i);
                    }
                }
                Object value = in.read(kinds[i], slots[i] != SKIP);
                if (slots[i] != SKIP) {
                    values[slots[i]] = value;
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the record ends before its last field", e);
        }
        return new RequestTriage(
                (Long) values[0],
                (Integer) values[1],
                (String) values[2],
                (String) values[3],
                (Long) values[4],
                (String) values[5],
                (Long) values[6],
                (String) values[7],
                (String) values[8]);
    }

    /** Avro binary: zig-zag varints, length-prefixed UTF-8, little-endian floats. */
    private static final class Cursor {
        private final byte[] data;
        private int pos;

        Cursor(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        Object read(Kind kind, boolean keep) {
            switch (kind) {
                case LONG -> {
                    long v = varLong();
                    return keep ? v : null;
                }
                case INT -> {
                    long v = varLong();
                    return keep ? (int) v : null;
                }
                case STRING -> {
                    int length = (int) varLong();
                    if (length < 0 || pos + length > data.length) {
                        throw new IllegalArgumentException("string of length " + length + " past the record's end");
                    }
                    String s = keep ? new String(data, pos, length, StandardCharsets.UTF_8) : null;
                    pos += length;
                    return s;
                }
                case BOOLEAN -> pos += 1;
                case FLOAT -> pos += 4;
                case DOUBLE -> pos += 8;
                case ENUM -> varLong();
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
            if (pos > data.length) {
                throw new IllegalArgumentException("the record ends before its last field");
            }
            return null;
        }

        long varLong() {
            byte first = data[pos];
            if (first >= 0) { // one byte: union branches, most lengths and small numbers
                pos++;
                return (first >>> 1) ^ -(first & 1);
            }
            long raw = 0;
            int shift = 0;
            while (true) {
                byte b = data[pos++];
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalArgumentException("a varint longer than 10 bytes");
                }
            }
            return (raw >>> 1) ^ -(raw & 1);
        }
    }
}
