package org.trustwatch.streams.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The write-behind store on Kafka Streams' own task machinery: what a processor wrote reaches the changelog with the
 * commit that follows, once per key, and reads in between see the held writes.
 */
class WriteBehindStoreTest {

    private static final String STORE = "kept";
    private static final char END = WriteBehindStore.GROUP_END;

    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> commands;
    private TestOutputTopic<String, byte[]> changelog;
    /** What the processor read back inside the same record, one line per read command. */
    private final List<String> reads = new ArrayList<>();

    /**
     * Each input record is a list of commands run inside one record's processing: {@code put k v}, {@code del k},
     * {@code get k}, {@code scan group}.
     */
    private final class Commands implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            for (String command : record.value().split(";")) {
                String[] c = command.trim().split(" ");
                switch (c[0]) {
                    case "put" -> store.put(key(c[1]), c[2].getBytes(StandardCharsets.UTF_8));
                    case "del" -> store.put(key(c[1]), null);
                    case "get" -> {
                        byte[] v = store.get(key(c[1]));
                        reads.add(v == null ? "-" : new String(v, StandardCharsets.UTF_8));
                    }
                    case "scan" -> {
                        List<String> found = new ArrayList<>();
                        try (KeyValueIterator<String, byte[]> it =
                                store.prefixScan(c[1] + END, new StringSerializer())) {
                            it.forEachRemaining(kv -> found.add(
                                    kv.key.replace(END, '/') + "=" + new String(kv.value, StandardCharsets.UTF_8)));
                        }
                        reads.add(String.join(",", found));
                    }
                    default -> throw new IllegalArgumentException(command);
                }
            }
        }
    }

    /** {@code g/e} is entry e of group g. */
    private static String key(String text) {
        return text.replace('/', END);
    }

    /** Each test runs on both kinds of store below the write-behind map. */
    private void start(StoreKind kind) throws Exception {
        this.stateDir = Files.createTempDirectory("write-behind");
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(WriteBehindStoreBuilder.of(STORE, kind));
        builder.stream(
                        "commands",
                        Consumed.with(
                                new org.apache.kafka.common.serialization.Serdes.StringSerde(),
                                new org.apache.kafka.common.serialization.Serdes.StringSerde()))
                .process(Commands::new, STORE);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
        changelog = driver.createOutputTopic(
                "app-" + STORE + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() throws Exception {
        if (driver == null) {
            return;
        }
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private List<String> changelogRecords() {
        List<String> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : changelog.readRecordsToList()) {
            out.add(r.key().replace(END, '/') + "="
                    + (r.value() == null ? "(deleted)" : new String(r.value(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void writesToOneKeyBetweenCommitsReachTheChangelogOnceWithTheLastValue(StoreKind kind) throws Exception {
        start(kind);
        commands.pipeInput("x", "put a 1; put a 2; put b 7; put a 3");
        assertEquals(List.of("a=3", "b=7"), changelogRecords().stream().sorted().toList());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDeleteReachesTheChangelogAsATombstoneAndAHeldPutThenDeleteAsOne(StoreKind kind) throws Exception {
        start(kind);
        commands.pipeInput("x", "put a 1");
        changelogRecords();
        commands.pipeInput("x", "del a; put b 1; del b");
        assertEquals(
                List.of("a=(deleted)", "b=(deleted)"),
                changelogRecords().stream().sorted().toList());
        commands.pipeInput("x", "get a; get b");
        assertEquals(List.of("-", "-"), reads);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void readsSeeHeldWritesBeforeTheCommitAndCommittedOnesAfter(StoreKind kind) throws Exception {
        start(kind);
        commands.pipeInput("x", "put a 1; get a; put a 2; get a; del a; get a; put a 4");
        commands.pipeInput("x", "get a");
        assertEquals(List.of("1", "2", "-", "4"), reads);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPrefixScanOfAGroupSeesItsHeldEntriesAndNoOtherGroups(StoreKind kind) throws Exception {
        start(kind);
        commands.pipeInput("x", "put g/1 old; put g/2 gone; put gg/1 other");
        commands.pipeInput("x", "put g/1 new; del g/2; put g/3 three; scan g");
        assertEquals(List.of("g/1=new,g/3=three"), reads);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void eachCommitLogsItsOwnChangesSoTheChangelogReplaysToTheCommittedState(StoreKind kind) throws Exception {
        start(kind);
        commands.pipeInput("x", "put a 1; put g/1 x");
        List<String> first = changelogRecords();
        commands.pipeInput("x", "put a 2; del g/1");
        List<String> second = changelogRecords();
        assertEquals(List.of("a=1", "g/1=x"), first.stream().sorted().toList());
        assertEquals(List.of("a=2", "g/1=(deleted)"), second.stream().sorted().toList());
    }
}
