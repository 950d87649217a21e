package org.trustwatch.workload.plant;

import org.trustwatch.schema.IncidentCategory;

/**
 * One planted story: what category it is for, whether it needs the headers, TLS and DMARC lines only Postfix logs
 * (a Microsoft 365 trace has none), and how it is planted.
 */
public record Scenario(String name, IncidentCategory category, boolean needsPostfix, Planting planting) {

    @FunctionalInterface
    public interface Planting {
        void plant(Plot plot);
    }

    public static Scenario of(String name, IncidentCategory category, Planting planting) {
        return new Scenario(name, category, false, planting);
    }

    public static Scenario postfix(String name, IncidentCategory category, Planting planting) {
        return new Scenario(name, category, true, planting);
    }
}
