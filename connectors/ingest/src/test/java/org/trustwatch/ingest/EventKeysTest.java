package org.trustwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.School;

class EventKeysTest {

    @Test
    void keysProxyEventsByClientAddressElseUser() {
        ProxyEvent event = new ProxyEvent();
        event.setUserName("25wrightd0");
        assertEquals("25wrightd0", EventKeys.keyOf(event));

        event.setSourceIp("10.20.2.19");
        assertEquals("10.20.2.19", EventKeys.keyOf(event));

        event.setSourceIp("");
        assertEquals("25wrightd0", EventKeys.keyOf(event), "an empty address is no address");
    }

    @Test
    void keysMailEventsByMessageIdElseQueueId() {
        MailEvent event = new MailEvent();
        event.setEmailLocalId("4F2D1E3085A");
        assertEquals("4F2D1E3085A", EventKeys.keyOf(event));

        event.setEmailMessageId("2700b4b43ccd4a46@glenmere.sch.uk");
        assertEquals("2700b4b43ccd4a46@glenmere.sch.uk", EventKeys.keyOf(event));
    }

    @Test
    void keysEndpointEventsByDeviceIdElseHostNameElseSerial() {
        EndpointEvent event = new EndpointEvent();
        event.setDeviceSerial("C02XK1ZJJGH5");
        assertEquals("C02XK1ZJJGH5", EventKeys.keyOf(event));

        event.setHostName("GLN-LAP-0042");
        assertEquals("GLN-LAP-0042", EventKeys.keyOf(event));

        event.setDeviceId("dev-0042");
        assertEquals("dev-0042", EventKeys.keyOf(event));
    }

    @Test
    void keysIncidentReportsByReportId() {
        IncidentReport report = new IncidentReport();
        report.setReportId("rpt-0123456789abcdef");

        assertEquals("rpt-0123456789abcdef", EventKeys.keyOf(report));
    }

    @Test
    void anEventWithNothingToKeyOnHasNoKey() {
        assertNull(EventKeys.keyOf(new ProxyEvent()));
        assertNull(EventKeys.keyOf(new MailEvent()));
        assertNull(EventKeys.keyOf(new EndpointEvent()));
    }

    @Test
    void refusesARecordThatIsNotAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventKeys.keyOf(new School()));
    }
}
