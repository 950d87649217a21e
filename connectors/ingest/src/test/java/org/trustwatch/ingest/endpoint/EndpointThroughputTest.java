package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.report.SelfReportParser;

/**
 * Parse throughput on one core, per format: run with {@code -Dtrustwatch.bench=true -Dtest=EndpointThroughputTest}.
 * Skipped otherwise (timing is not a unit test).
 */
class EndpointThroughputTest {

    private static final class Counting implements ParseSink {
        long events;
        long rejects;

        @Override
        public void event(SpecificRecord event, RawLine completedBy) {
            events++;
        }

        @Override
        public void reject(RawLine line, String reason) {
            rejects++;
        }
    }

    @Test
    void linesPerSecond() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("trustwatch.bench"), "set -Dtrustwatch.bench=true to measure");
        Path root = Path.of(System.getProperty("trustwatch.realLogs"));

        List<String> winlogbeat = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            winlogbeat.add(WinlogbeatParserTest.FAILED_LOGON.replace("21smithj", "pupil" + i));
        }
        List<String> nxlog = Files.readAllLines(
                root.resolve("otrf-security-datasets/lateral_movement/host/"
                        + "purplesharp_ad_playbook_I_2020-10-22042947.security-channel-only.json"),
                StandardCharsets.UTF_8);
        List<String> evtx = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("evtx-to-mitre-attack/jsonl"))) {
            for (Path f : files.sorted().toList()) {
                evtx.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        List<String> pretty = new ArrayList<>(List.of(EvtxJsonParserTest.PRETTY_SYSMON_11));
        List<String> mdm = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            mdm.add("{\"time\":\"2025-03-10T16:20:00Z\",\"device_id\":\"WOH-LT-" + i + "\",\"serial\":\"5CG1234XYZ\","
                    + "\"action\":\"check_in\",\"user_id\":\"jsmith\",\"ip\":\"10.20.31." + (i % 250) + "\"}");
            reports.add("{\"time\":\"2025-03-11T15:42:00Z\",\"reporter\":\"jsmith\",\"school_id\":\"WOH\","
                    + "\"kind\":\"misdirected_email\",\"description\":\"Sent report " + i + " to the wrong parent\","
                    + "\"recipients\":[\"parent" + i + "@gmail.com\"],\"personal_data\":true}");
        }

        measure("winlogbeat", () -> new WinlogbeatParser(Collected.context()), winlogbeat);
        measure("nxlog", () -> new NxlogParser(Collected.context()), nxlog);
        measure("evtx-json (one object a line)", () -> new EvtxJsonParser(Collected.context()), evtx);
        measure("evtx-json (pretty-printed, lines)", () -> new EvtxJsonParser(Collected.context()), pretty);
        measure("mdm", () -> new MdmParser(Collected.context()), mdm);
        measure("reports", () -> new SelfReportParser(Collected.context()), reports);
    }

    private static void measure(String name, Supplier<LogParser> factory, List<String> lines) {
        RawLine[] raw = new RawLine[lines.size()];
        long bytes = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = new RawLine(lines.get(i), "bench", i + 1, bytes);
            bytes += lines.get(i).length() + 1;
        }
        LogParser parser = factory.get();
        Counting sink = new Counting();
        long deadline = System.nanoTime() + 3_000_000_000L; // warm-up
        while (System.nanoTime() < deadline) {
            for (RawLine line : raw) {
                parser.parse(line, sink);
            }
        }
        sink = new Counting();
        long n = 0;
        long start = System.nanoTime();
        long end = start + 5_000_000_000L;
        long now;
        do {
            for (RawLine line : raw) {
                parser.parse(line, sink);
            }
            n += raw.length;
            now = System.nanoTime();
        } while (now < end);
        double seconds = (now - start) / 1e9;
        System.out.printf(
                "throughput %-34s %,10.0f lines/s  %,10.0f events/s  (avg line %d chars)%n",
                name, n / seconds, sink.events / seconds, bytes / raw.length);
        assertEquals(0, sink.rejects, name + " rejected lines");
    }
}
