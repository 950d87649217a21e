package org.trustwatch.it;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.schema.ProxyEvent;

/** The proxy connector on Squid's native access.log. */
class ProxyLogSourceIT extends LogSourceConnectorContract {

    @Override
    String connectorClass() {
        return "ProxyLogSourceConnector";
    }

    @Override
    String format() {
        return "squid";
    }

    @Override
    List<String> eventLines(int i) {
        return List.of(String.format(
                "1763889302.%03d    120 10.20.1.%d TCP_MISS/200 5120 GET http://www.bbc.co.uk/news/item%d"
                        + " - HIER_DIRECT/151.101.0.81 text/html",
                i, 10 + i % 200, i));
    }

    @Override
    int eventNumber(SpecificRecord event) {
        return Integer.parseInt(((ProxyEvent) event).getUrlPath().substring("/news/item".length()));
    }

    @Override
    String malformedLine() {
        return "this is not a squid access.log line";
    }
}
