package nl.kamerstroom.index.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.common.kafka.TopicOverview;
import nl.kamerstroom.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/operator}: the running pipeline as an operator sees it. The health of the broker,
 * the registry and every service; each stage's documents in and out; records and consumer-group
 * lag per topic; the newest failed files and dead letters; documents per second over the last
 * minutes. Each part is read on its own, so a broker outage still shows the services, and a
 * part that fails carries its error instead of failing the whole answer.
 */
public final class OperatorView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorView.class);

    private final OperatorConfig config;
    private final KafkaParts kafka;
    private final PipelineStages stages;
    private final Throughput throughput = new Throughput();
    private final Clock clock;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("operator-sampler").daemon().factory());

    /**
     * @param ownHealth  this service's health
     * @param ownMetrics this service's Prometheus text, for the index stage's counters
     */
    public OperatorView(OperatorConfig config, KafkaConfig kafkaConfig, Topics topics, Supplier<Health> ownHealth,
                        Supplier<String> ownMetrics, Clock clock) {
        this.config = config;
        this.kafka = new KafkaParts(kafkaConfig, topics);
        this.stages = new PipelineStages(config.services(), ownHealth, ownMetrics);
        this.clock = clock;
    }

    /** Starts sampling the stages' counts for the throughput chart. */
    public void start() {
        long every = config.sampleInterval().toMillis();
        sampler.scheduleAtFixedRate(this::sample, 0, every, TimeUnit.MILLISECONDS);
    }

    public Response answer(Request request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("at", clock.instant().toString());
        List<PipelineStages.Stage> stageList = stages.read();
        List<Map<String, Object>> health = new ArrayList<>(List.of(kafka.broker(), kafka.registry()));
        stageList.forEach(s -> health.add(KafkaParts.part(s.name(), s.up(), s.status(), null)));
        answer.put("health", health);
        answer.put("stages", stageList.stream().map(OperatorView::stage).toList());
        List<String> topicNames = new ArrayList<>();
        section(answer, "topics", () -> {
            List<TopicOverview.TopicState> topics = kafka.topics();
            topics.forEach(t -> topicNames.add(t.name()));
            return topics.stream().map(OperatorView::topic).toList();
        });
        section(answer, "failed", () -> kafka.failedFiles(config.recentRecords()));
        section(answer, "deadLetters", () -> kafka.deadLetters(topicNames, config.recentRecords()));
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("intervalSeconds", config.sampleInterval().toMillis() / 1000.0);
        rates.put("points", throughput.points());
        answer.put("throughput", rates);
        return Response.json(answer);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        kafka.close();
        stages.close();
    }

    private void sample() {
        try {
            throughput.record(clock.instant(), PipelineStages.outputs(stages.read()));
        } catch (RuntimeException e) {
            LOG.warn("Cannot sample the pipeline's throughput: {}", e.toString());
        }
    }

    /** Puts the part under {@code name}, or its error under {@code name + "Error"} when it cannot be read. */
    private static void section(Map<String, Object> answer, String name, Supplier<Object> part) {
        try {
            answer.put(name, part.get());
        } catch (RuntimeException e) {
            answer.put(name, List.of());
            answer.put(name + "Error", e.getMessage());
        }
    }

    private static Map<String, Object> stage(PipelineStages.Stage stage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", stage.name());
        json.put("up", stage.up());
        json.put("in", stage.in());
        json.put("out", stage.out());
        json.put("failed", stage.failed());
        return json;
    }

    private static Map<String, Object> topic(TopicOverview.TopicState topic) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", topic.name());
        json.put("partitions", topic.partitions());
        json.put("offsets", topic.retainedOffsets());
        json.put("groups", topic.groups().stream().map(g -> Map.of("group", g.groupId(), "lag", g.lag())).toList());
        return json;
    }
}
