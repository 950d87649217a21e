package org.trustwatch.it;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.schema.EndpointEvent;

/** The endpoint connector on Winlogbeat's ECS JSON lines. */
class EndpointLogSourceIT extends LogSourceConnectorContract {

    @Override
    String connectorClass() {
        return "EndpointLogSourceConnector";
    }

    @Override
    String format() {
        return "winlogbeat";
    }

    @Override
    List<String> eventLines(int i) {
        return List.of(String.format(
                "{\"@timestamp\":\"2026-11-23T09:15:%02d.000Z\",\"event\":{\"code\":\"4624\",\"kind\":\"event\","
                        + "\"provider\":\"Microsoft-Windows-Security-Auditing\",\"outcome\":\"success\"},"
                        + "\"winlog\":{\"event_id\":\"4624\",\"channel\":\"Security\","
                        + "\"provider_name\":\"Microsoft-Windows-Security-Auditing\","
                        + "\"computer_name\":\"WOH-LT-%04d.woh.local\",\"event_data\":{\"TargetUserName\":\"jsmith\","
                        + "\"TargetDomainName\":\"WOH\",\"LogonType\":\"2\",\"IpAddress\":\"-\","
                        + "\"TargetLogonId\":\"0x%x\"}},\"host\":{\"name\":\"woh-lt-%04d\",\"ip\":[\"10.20.1.15\"]}}",
                i % 60, i, 0x3e700 + i, i));
    }

    @Override
    int eventNumber(SpecificRecord event) {
        String host = ((EndpointEvent) event).getHostName();
        return Integer.parseInt(host.replaceAll("\\D", ""));
    }

    @Override
    String malformedLine() {
        return "{\"@timestamp\":\"2026-11-23T09:15:00.000Z\",\"winlog\":{\"event_id\":";
    }
}
