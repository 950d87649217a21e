package org.trustwatch.streams.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class TriageDecoderTest {

    private static final TriageDecoder PLAN =
            TriageDecoder.forWriter(ProxyEvent.getClassSchema()).orElseThrow();

    private static byte[] avro(ProxyEvent e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ProxyEvent.class).write(e, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static String maybe(Random r, String value) {
        return r.nextInt(4) == 0 ? null : value;
    }

    private static ProxyEvent random(Random r) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000));
        return ProxyEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at.plusMillis(r.nextInt(5_000)))
                .setEventDataset(r.nextBoolean() ? "squid" : "w3c")
                .setSchoolId(maybe(r, "S0" + r.nextInt(9)))
                .setEventHash("h" + r.nextLong())
                .setEventOriginal(maybe(r, "a raw line ".repeat(r.nextInt(40)) + "é ü"))
                .setLogLine(r.nextBoolean() ? null : (long) r.nextInt(Integer.MAX_VALUE))
                .setSourceIp(maybe(r, "10.0." + r.nextInt(255) + "." + r.nextInt(255)))
                .setUserName(maybe(r, "user" + r.nextInt(100)))
                .setHttpRequestMethod(maybe(r, r.nextBoolean() ? "GET" : "CONNECT"))
                .setUrlDomain(maybe(r, "example.com"))
                .setUrlPort(r.nextBoolean() ? null : r.nextInt(65_536))
                .setUrlPath(maybe(r, "/x/y.exe"))
                .setUrlExtension(maybe(r, r.nextBoolean() ? "exe" : "html"))
                .setHttpResponseStatusCode(r.nextBoolean() ? null : 100 + r.nextInt(500))
                .setHttpRequestBytes(r.nextBoolean() ? null : r.nextLong() >>> r.nextInt(64))
                .setHttpResponseBytes(r.nextBoolean() ? null : (long) -r.nextInt(1_000_000))
                .setHttpResponseMimeType(maybe(r, "application/x-msdownload"))
                .setProxyResultCode(maybe(r, "NONE/200"))
                .setWebAction(r.nextBoolean() ? WebAction.allowed : WebAction.blocked)
                .setWebCategory(maybe(r, "adult"))
                .setWebCategorySource(maybe(r, "list"))
                .build();
    }

    @Test
    void readsTheSameTriageFieldsAsTheWholeRecordHolds() throws IOException {
        Random r = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            ProxyEvent e = random(r);
            assertEquals(RequestTriage.of(e), PLAN.read(avro(e), 0), e.toString());
        }
    }

    @Test
    void readsFromAnOffsetAsAfterTheWireFormatsHeader() throws IOException {
        ProxyEvent e = random(new Random(3));
        byte[] body = avro(e);
        byte[] wire = new byte[body.length + 5];
        System.arraycopy(body, 0, wire, 5, body.length);

        assertEquals(RequestTriage.of(e), PLAN.read(wire, 5));
    }

    @Test
    void aRecordThatEndsEarlyIsRefusedWithTheReason() throws IOException {
        byte[] whole = avro(random(new Random(5)));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLAN.read(cut, 0));
        assertTrue(e.getMessage().contains("ends") || e.getMessage().contains("past"), e.getMessage());
    }

    @Test
    void aWriterWithAFieldItCannotWalkGetsNoPlan() {
        Schema full = ProxyEvent.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        full.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("tags", Schema.createArray(Schema.create(Schema.Type.STRING)), null, null));
        Schema withArray = Schema.createRecord(full.getName(), null, full.getNamespace(), false, fields);

        assertTrue(TriageDecoder.forWriter(withArray).isEmpty(), "an array: read by Avro's projection instead");
    }

    @Test
    void theProjectionForWritersWithoutAPlanReadsTheSameTriage() throws IOException {
        ProxyEvent e = random(new Random(9));
        byte[] body = avro(e);
        byte[] wire = new byte[body.length + 5]; // magic byte 0, schema id 0
        System.arraycopy(body, 0, wire, 5, body.length);
        var projection = org.trustwatch.schema.serde.WireFormatDeserializer.projection(
                RequestTriage.SCHEMA, id -> ProxyEvent.getClassSchema());

        assertEquals(RequestTriage.of(e), RequestTriage.of(projection.deserialize("events.proxy", wire)));
    }
}
