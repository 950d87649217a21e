package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;

/** The compacted directory topic ends up holding exactly the people of the latest directory.csv. */
class ReferencePublisherIT {

    @TempDir
    Path dir;

    @Test
    void aLeaverRemovedFromTheFileGetsATombstone() throws Exception {
        StackSettings stack = TestStack.get().settings();
        write("schools.csv", "school_id,name", "WOH,Woodhouse Primary");
        write("devices.csv", "device_id,school_id,type");
        write("exemptions.csv", "exemption_id,school_id,subject,category,starts,ends");
        write("directory.csv", "user_id,role,school_id", "jsmith,staff,WOH", "leaver,staff,WOH");
        ReferencePublisher publisher = new ReferencePublisher(stack.kafkaBootstrap(), stack.registryUrl());
        publisher.publish(read());

        write("directory.csv", "user_id,role,school_id", "jsmith,staff,WOH");
        List<ReferencePublisher.Outcome> outcomes = publisher.publish(read());

        assertEquals(new ReferencePublisher.Outcome(ReferencePublisher.DIRECTORY_TOPIC, 1, 1), outcomes.get(1));
        Map<String, DirectoryEntry> latest = new LinkedHashMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(
                stack.kafkaBootstrap(), ReferencePublisher.DIRECTORY_TOPIC, 4, Duration.ofSeconds(1));
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                latest.put(
                        key,
                        record.value() == null
                                ? null
                                : (DirectoryEntry) serde.deserializer()
                                        .deserialize(ReferencePublisher.DIRECTORY_TOPIC, record.value()));
            }
        }
        assertEquals("jsmith", latest.get("jsmith").getUserId());
        assertNull(latest.get("leaver"), "the leaver's latest record is a tombstone");
    }

    private ReferenceData read() {
        Problems problems = new Problems();
        ReferenceData data = ReferenceData.read(dir, problems);
        assertEquals(List.of(), problems.all());
        return data;
    }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
