package nl.kamerstroom.launcher.inspect;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.kamerstroom.topic.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Documents per stage of the pipeline: records and distinct documents on each topic, with the failed and dead-letter counts.",
                "Reads every topic once from start to end (committed records only)."})
public final class StatusCommand implements Callable<Integer> {

    /** The stages in pipeline order, by the topic that holds their output. */
    static final Map<String, String> STAGES = stages();

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RecordCounter counter = new RecordCounter(kafka.kafkaConfig());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-20s %10s %10s%n", "STAGE", "TOPIC", "RECORDS", "DOCUMENTS");
        STAGES.forEach((stage, topic) -> {
            RecordCounter.Count count = counter.count(topic);
            if (count == null) {
                out.printf("%-10s %-20s %10s %10s%n", stage, topic, "-", "(absent)");
            } else {
                out.printf("%-10s %-20s %10d %10d%n", stage, topic, count.records(), count.documents());
            }
            out.flush();
        });
        return 0;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("ingested", Topics.INGESTED);
        stages.put("failed", Topics.FAILED);
        stages.put("enriched", Topics.ENRICHED);
        stages.put("indexed", Topics.INDEX);
        stages.put("dlq", Topics.DEAD_LETTERS);
        return stages;
    }
}
