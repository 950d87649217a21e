package org.trustwatch.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.schema.serde.WireFormatFixtures.header;
import static org.trustwatch.schema.serde.WireFormatFixtures.proxy;
import static org.trustwatch.schema.serde.WireFormatFixtures.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;

class WireFormatDeserializerTest {

    private final List<Integer> lookups = new ArrayList<>();

    private final WireFormatDeserializer<ProxyEvent> deserializer = WireFormatDeserializer.specific(id -> {
        lookups.add(id);
        return ProxyEvent.getClassSchema();
    });

    @Test
    void readsTheGeneratedClassAndAsksTheRegistryOncePerSchemaId() throws IOException {
        ProxyEvent first = proxy("10.0.0.1");
        ProxyEvent second = proxy("10.0.0.2");

        assertEquals(first, deserializer.deserialize("events.proxy", wire(7, first)));
        assertEquals(second, deserializer.deserialize("events.proxy", wire(7, second)));
        assertEquals(List.of(7), lookups);
    }

    @Test
    void anOlderWriterSchemaIsResolvedToTheCurrentClass() throws IOException {
        // a writer from before the optional fields: only the fields without a default
        List<Schema.Field> required = new ArrayList<>();
        for (Schema.Field f : ProxyEvent.getClassSchema().getFields()) {
            if (!f.hasDefaultValue()) {
                required.add(new Schema.Field(f, f.schema()));
            }
        }
        Schema old = Schema.createRecord("ProxyEvent", null, "org.trustwatch.schema", false, required);
        ProxyEvent current = proxy("10.0.0.4");
        GenericRecord r = new GenericData.Record(old);
        required.forEach(f -> r.put(f.name(), current.get(f.name())));
        ByteArrayOutputStream bytes = header(3);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<GenericRecord>(old, SpecificData.getForClass(ProxyEvent.class)).write(r, encoder);
        encoder.flush();
        WireFormatDeserializer<ProxyEvent> reading = WireFormatDeserializer.specific(id -> old);

        ProxyEvent read = reading.deserialize("events.proxy", bytes.toByteArray());

        assertEquals(current.getEventHash(), read.getEventHash());
        assertNull(read.getSourceIp(), "a field the writer did not have takes its default");
    }

    @Test
    void aProjectionReadsOnlyItsOwnFieldsAndSkipsTheRest() throws IOException {
        Schema full = ProxyEvent.getClassSchema();
        Schema projection = Schema.createRecord(
                full.getName(),
                null,
                full.getNamespace(),
                false,
                List.of(
                        new Schema.Field(
                                full.getField("source_ip"),
                                full.getField("source_ip").schema()),
                        new Schema.Field(
                                full.getField("event_hash"),
                                full.getField("event_hash").schema())));
        WireFormatDeserializer<GenericRecord> reading = WireFormatDeserializer.projection(projection, id -> full);
        ProxyEvent event = proxy("10.0.0.5");

        GenericRecord read = reading.deserialize("events.proxy", wire(9, event));

        assertEquals(projection, read.getSchema());
        assertEquals("10.0.0.5", read.get("source_ip").toString());
        assertEquals(event.getEventHash(), read.get("event_hash").toString());
    }

    @Test
    void aRecordNotWrittenThroughTheRegistryIsRefusedWithTheReason() {
        SerializationException e = assertThrows(
                SerializationException.class, () -> deserializer.deserialize("events.proxy", "{\"a\":1}".getBytes()));
        assertTrue(e.getMessage().contains("events.proxy") && e.getMessage().contains("wire format"), e.getMessage());
    }

    @Test
    void aTruncatedRecordNamesItsSchemaId() throws IOException {
        byte[] whole = wire(9, proxy("10.0.0.3"));
        byte[] cut = java.util.Arrays.copyOf(whole, 12);
        SerializationException e =
                assertThrows(SerializationException.class, () -> deserializer.deserialize("events.proxy", cut));
        assertTrue(e.getMessage().contains("schema id 9"), e.getMessage());
    }

    @Test
    void aTombstoneIsNull() {
        assertNull(deserializer.deserialize("events.proxy", null));
    }
}
