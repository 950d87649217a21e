package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;
import org.trustwatch.streams.signal.RequestTriage;

class ProxyRequestTest {

    private static ProxyEvent everyField() {
        Instant at = Instant.parse("2026-11-23T10:15:30.123Z");
        return ProxyEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at.plusSeconds(2))
                .setEventDataset("squid")
                .setSchoolId("WOH")
                .setObserverHostname("proxy1")
                .setLogFilePath("/var/log/squid/access.log")
                .setLogLine(42L)
                .setEventHash("h-1")
                .setEventOriginal("1763892930.123 120 10.20.1.13 TCP_MISS/200 ... a long raw line")
                .setSourceIp("10.20.1.13")
                .setUserName("dbrown")
                .setHttpRequestMethod("CONNECT")
                .setUrlScheme("https")
                .setUrlDomain("example.com")
                .setUrlPort(443)
                .setUrlPath("/setup.exe")
                .setUrlExtension("exe")
                .setHttpResponseStatusCode(200)
                .setHttpRequestBytes(1234L)
                .setHttpResponseBytes(0L)
                .setHttpResponseMimeType("application/x-msdownload")
                .setProxyResultCode("NONE/200")
                .setWebAction(WebAction.allowed)
                .setWebCategory("file-sharing")
                .setWebCategorySource("list")
                .build();
    }

    @Test
    void theTriageFieldsReadAloneAreTheRequestsOwnAndTheWholeRequestFollowsOnDemand() {
        ProxyEvent event = everyField();
        Serde<ProxyEvent> plain = PlainAvroSerde.of(ProxyEvent.class);
        byte[] bytes = plain.serializer().serialize("events.proxy", event);
        Serde<ProxyRequest> serde = ProxyRequest.serde(ExternalSerdes.plain());

        ProxyRequest request = serde.deserializer().deserialize("events.proxy", bytes);

        assertEquals(RequestTriage.of(event), request.triage());
        assertEquals(event.getTimestamp().toEpochMilli(), request.timestamp());
        assertEquals(event, request.event());
        assertArrayEquals(bytes, serde.serializer().serialize("events.proxy", request));
    }
}
