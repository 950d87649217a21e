package org.trustwatch.pipeline.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.trustwatch.pipeline.PipelineException;

/**
 * Creates the pipeline's topics with the partitions and settings they need, and brings the settings of existing ones
 * in line; partitions of an existing topic are never changed (keys would move). Reference topics are left to the
 * reference publisher, the app's internal topics to Kafka Streams.
 */
public final class TopicPlan {

    /**
     * The correlation app stamps what it writes with event time, which is whatever the logs say: a log dated ahead of
     * the broker's clock (a device's wrong clock, a replayed day that is still going on) must not make the broker
     * refuse the record, and with it every other record of its batch. So the check is off on those topics.
     */
    public static final Map<String, String> EVENT_TIME_STAMPED =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE));

    /**
     * The incidents topic keeps the time the broker appended each change: with the agents' ingest time of the events
     * behind it, that gives the event-to-incident time.
     */
    public static final Map<String, String> APPEND_TIME_STAMPED =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    /** One topic as it should be. */
    public record Spec(String name, int partitions, Map<String, String> configs) {}

    private final List<Spec> specs;

    private TopicPlan(List<Spec> specs) {
        this.specs = specs;
    }

    /** @param partitions for the event topics and what the app writes (dead-letter topics get one) */
    public static TopicPlan of(PipelineTopics topics, int partitions) {
        List<Spec> specs = new ArrayList<>();
        for (String events : topics.eventTopics()) {
            specs.add(new Spec(events, partitions, Map.of()));
        }
        for (String dlq : topics.sourceDeadLetters()) {
            specs.add(new Spec(dlq, 1, Map.of()));
        }
        specs.add(new Spec(topics.app().incidents(), partitions, APPEND_TIME_STAMPED));
        for (String out : List.of(
                topics.app().alerts(), topics.app().exempted(), topics.app().late())) {
            specs.add(new Spec(out, partitions, EVENT_TIME_STAMPED));
        }
        specs.add(new Spec(topics.app().deadLetters(), 1, EVENT_TIME_STAMPED));
        specs.add(new Spec(topics.sinkDeadLetters(), 1, Map.of()));
        return new TopicPlan(List.copyOf(specs));
    }

    public List<Spec> specs() {
        return specs;
    }

    /** Applies the plan; returns one line per change (empty when everything was in place). */
    public List<String> apply(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<String> changes = new ArrayList<>();
            List<NewTopic> missing = new ArrayList<>();
            List<Spec> present = new ArrayList<>();
            for (Spec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec);
                } else {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs()));
                    changes.add("created topic " + spec.name() + " (" + spec.partitions() + " partition"
                            + (spec.partitions() == 1 ? "" : "s")
                            + (spec.configs().isEmpty() ? "" : ", " + spec.configs())
                            + ")");
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            changes.addAll(alignConfigs(admin, present));
            return changes;
        } catch (ExecutionException e) {
            throw new PipelineException(
                    "Cannot create or configure the pipeline's topics: " + e.getCause()
                            + ". Check that the broker is up ('./trustwatch stack status') and that the user may create topics.",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while creating topics", e);
        }
    }

    private static List<String> alignConfigs(Admin admin, List<Spec> present)
            throws ExecutionException, InterruptedException {
        List<ConfigResource> resources = present.stream()
                .filter(spec -> !spec.configs().isEmpty())
                .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
                .toList();
        if (resources.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Config> current =
                admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (Spec spec : present) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = current.get(resource);
            if (config == null) {
                continue;
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.configs().forEach((key, value) -> {
                ConfigEntry entry = config.get(key);
                if (entry == null || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                    changes.add("set " + key + "=" + value + " on topic " + spec.name());
                }
            });
            if (!ops.isEmpty()) {
                alter.put(resource, ops);
            }
        }
        if (!alter.isEmpty()) {
            admin.incrementalAlterConfigs(alter).all().get();
        }
        return changes;
    }
}
