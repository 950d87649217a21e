package org.trustwatch.pipeline.summary;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.trustwatch.pipeline.Endpoints;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.kafka.TopicTally;

/** Reads a {@link Summary} back from the topics and the index. */
public final class SummaryReader {

    private static final int REASONS_SHOWN = 3;

    private final Admin admin;
    private final Endpoints stack;
    private final PipelineTopics topics;
    private final ElasticsearchClient elastic;

    public SummaryReader(Admin admin, Endpoints stack, PipelineTopics topics, ElasticsearchClient elastic) {
        this.admin = admin;
        this.stack = stack;
        this.topics = topics;
        this.elastic = elastic;
    }

    public Summary read() {
        TopicTally tally = new TopicTally(admin, stack.kafkaBootstrap());
        List<TopicTally.Count> events = tally.count(topics.eventTopics(), 0);
        List<TopicTally.Count> deadLetters = tally.count(topics.allDeadLetters(), REASONS_SHOWN);
        List<TopicTally.Count> app = tally.count(
                List.of(
                        topics.app().late(),
                        topics.app().exempted(),
                        topics.app().incidents()),
                0);
        try {
            return new Summary(
                    events,
                    deadLetters,
                    app.get(0).records(),
                    app.get(1).records(),
                    app.get(2).records(),
                    IncidentTotals.read(elastic),
                    IncidentLatency.measure(
                            stack.kafkaBootstrap(),
                            stack.registryUrl(),
                            topics.app().incidents(),
                            topics.eventTopics()));
        } catch (IOException e) {
            throw new PipelineException(
                    "Cannot read the incidents from Elasticsearch at " + stack.elasticsearchUrl() + ": "
                            + e.getMessage() + ". Check './trustwatch stack status'.",
                    e);
        }
    }
}
