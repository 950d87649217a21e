package org.trustwatch.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.topology.Topics;

class TopicPlanTest {

    @Test
    void incidentsKeepTheAppendTimeAndWhatTheAppStampsWithEventTimeIsNeverRefused() {
        Map<String, TopicPlan.Spec> specs = TopicPlan.of(PipelineTopics.defaults(), 3).specs().stream()
                .collect(Collectors.toMap(TopicPlan.Spec::name, s -> s));

        assertEquals(
                java.util.Set.of(
                        "events.proxy",
                        "events.mail",
                        "events.endpoint",
                        "reports.incident",
                        "dlq.proxy",
                        "dlq.mail",
                        "dlq.endpoint",
                        "dlq.reports",
                        "incidents",
                        "alerts",
                        "events.exempted",
                        "events.late",
                        "dlq.streams",
                        "dlq.elasticsearch"),
                specs.keySet());
        assertEquals(3, specs.get("events.proxy").partitions());
        assertEquals(Map.of(), specs.get("events.proxy").configs());
        assertEquals(1, specs.get("dlq.proxy").partitions());
        assertEquals(
                Map.of("message.timestamp.type", "LogAppendTime"),
                specs.get("incidents").configs());
        assertEquals(
                Map.of("message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE)),
                specs.get("events.late").configs());
        assertEquals(1, specs.get("dlq.streams").partitions());
    }

    @Test
    void aPrefixGivesEveryTopicOfARunItsOwnNameAndTheAppIsToldThem() {
        PipelineTopics topics = PipelineTopics.prefixed("e2e.");

        assertEquals("e2e.dlq.elasticsearch", topics.sinkDeadLetters());
        assertEquals("e2e.reference.devices", topics.reference().devices());
        assertEquals(topics.app(), Topics.from(topics.appProperties()));
        assertEquals(Topics.defaults(), PipelineTopics.defaults().app());
    }
}
