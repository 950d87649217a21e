package org.trustwatch.pipeline.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serde;
import org.trustwatch.pipeline.kafka.CommittedRecords;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.serde.RegistrySerdes;

/**
 * The event-to-incident time, per incident: from when an agent read the newest of the events the incident counts (the
 * {@code event.ingested} of the raw event, found by its hash) to when the broker appended the first change of the
 * incident that counts it (the incidents topic stamps append time). For an incident raised by the event that
 * completes it, that is the pipeline's own delay. A rule that decides on later events (sessions that overlap, a day's
 * dwell time, a sum of uploads) adds the time until those were read. Events beyond the bounded evidence are not
 * known by hash, so the newest event of the evidence stands in for them.
 *
 * @param changes incident changes on the topic
 * @param incidents incidents the time was measured for
 * @param p99 the time 99 % of the incidents took at most
 */
public record IncidentLatency(
        long changes, long incidents, Optional<Slowest> slowest, Optional<Duration> median, Optional<Duration> p99) {

    /** The slowest incident, and the change that first counted its newest event. */
    public record Slowest(String incidentId, String category, String school, long version, Duration time) {}

    /**
     * @param eventTopics the raw event topics the incidents' events were read into: when an agent read an event is
     *     its {@code event.ingested} there. Not Elasticsearch's copy: the sink writes a raw event once (create), so for
     *     a workload run again on the same stack the index keeps the first run's time.
     */
    public static IncidentLatency measure(
            String bootstrap, String registryUrl, String incidentsTopic, List<String> eventTopics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        CommittedRecords.forEach(bootstrap, List.of(incidentsTopic), records::add);
        Map<String, List<Change>> byIncident = new LinkedHashMap<>();
        Set<String> hashes = new HashSet<>();
        try (Serde<Incident> serde = RegistrySerdes.valueSerde(registryUrl)) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                    continue; // written before the topic stamped append time: when it was written is not known
                }
                Incident incident = serde.deserializer().deserialize(incidentsTopic, record.value());
                byIncident
                        .computeIfAbsent(incident.getIncidentId(), id -> new ArrayList<>())
                        .add(new Change(incident, record.timestamp()));
                incident.getEvidence().forEach(e -> hashes.add(e.getEventHash()));
            }
        }
        Map<String, Instant> read = ingested(bootstrap, registryUrl, eventTopics, hashes);
        List<Duration> times = new ArrayList<>();
        Slowest slowest = null;
        for (List<Change> changes : byIncident.values()) {
            Optional<Slowest> measured = measure(changes, read);
            if (measured.isPresent()) {
                times.add(measured.get().time());
                if (slowest == null || measured.get().time().compareTo(slowest.time()) > 0) {
                    slowest = measured.get();
                }
            }
        }
        times.sort(null);
        return new IncidentLatency(
                records.size(),
                times.size(),
                Optional.ofNullable(slowest),
                times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() / 2)),
                times.isEmpty() ? Optional.empty() : Optional.of(times.get((int) Math.ceil(times.size() * 0.99) - 1)));
    }

    /** One incident's time: its newest-read event, and the first of its changes that counts it. */
    static Optional<Slowest> measure(List<Change> changes, Map<String, Instant> read) {
        String newest = null;
        for (Change change : changes) {
            for (Evidence evidence : change.incident().getEvidence()) {
                Instant at = read.get(evidence.getEventHash());
                if (at != null && (newest == null || at.isAfter(read.get(newest)))) {
                    newest = evidence.getEventHash();
                }
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        for (Change change : changes) {
            for (Evidence evidence : change.incident().getEvidence()) {
                if (evidence.getEventHash().equals(newest)) {
                    Incident i = change.incident();
                    return Optional.of(new Slowest(
                            i.getIncidentId(),
                            i.getCategory().name(),
                            i.getSchoolId() == null ? IncidentTotals.NO_SCHOOL : i.getSchoolId(),
                            i.getVersion(),
                            Duration.between(read.get(newest), Instant.ofEpochMilli(change.appended()))));
                }
            }
        }
        return Optional.empty();
    }

    /** One change of an incident, and when the broker appended it (epoch ms). */
    record Change(Incident incident, long appended) {}

    /** When the agents read these events: {@code event.ingested} of the raw events with these hashes. */
    static Map<String, Instant> ingested(
            String bootstrap, String registryUrl, List<String> eventTopics, Set<String> hashes) {
        Map<String, Instant> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(registryUrl)) {
            CommittedRecords.forEach(bootstrap, eventTopics, record -> {
                if (record.value() == null) {
                    return;
                }
                SpecificRecord event = serde.deserializer().deserialize(record.topic(), record.value());
                Object hash = field(event, "event_hash");
                if (hash != null && hashes.contains(hash.toString())) {
                    Object at = field(event, "event_ingested");
                    if (at instanceof Instant instant) {
                        found.putIfAbsent(hash.toString(), instant); // the first read, as the index keeps it
                    }
                }
            });
        }
        return found;
    }

    private static Object field(SpecificRecord record, String name) {
        org.apache.avro.Schema.Field field = record.getSchema().getField(name);
        return field == null ? null : record.get(field.pos());
    }
}
