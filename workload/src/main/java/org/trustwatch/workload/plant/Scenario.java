package org.trustwatch.workload.plant;

/**
 * One planted story: what category it is for, whether it needs the headers, TLS and DMARC lines only Postfix logs
 * (a Microsoft 365 trace has none), and how it is planted.
 */
public record Scenario(String name, Category category, boolean needsPostfix, Planting planting) {

    @FunctionalInterface
    public interface Planting {
        void plant(Plot plot);
    }

    public static Scenario of(String name, Category category, Planting planting) {
        return new Scenario(name, category, false, planting);
    }

    public static Scenario postfix(String name, Category category, Planting planting) {
        return new Scenario(name, category, true, planting);
    }
}
