package nl.kamerstroom.launcher.inspect;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.common.kafka.TopicOverview;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Each topic with its partitions, end offsets per partition, and every consumer group's committed position and lag on it.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<TopicOverview.TopicState> topics;
        try (Admin admin = Admin.create(KafkaClients.admin(kafka.kafkaConfig(), "kamerstroom-topics"))) {
            topics = TopicOverview.read(admin);
        }
        print(topics, spec.commandLine().getOut());
        return 0;
    }

    static void print(List<TopicOverview.TopicState> topics, PrintWriter out) {
        int width = topics.stream().mapToInt(t -> t.name().length()).max().orElse(5);
        String row = "%-" + width + "s %10s %12s  %s%n";
        out.printf(row, "TOPIC", "PARTITIONS", "END OFFSET", "PER PARTITION");
        for (TopicOverview.TopicState topic : topics) {
            out.printf(row, topic.name(), topic.partitions(), topic.endOffsetTotal(),
                    topic.endOffsets().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            for (TopicOverview.GroupLag group : topic.groups()) {
                out.printf("    group %-38s committed %10d   lag %8d%n", group.groupId(), group.committed(), group.lag());
            }
        }
        out.flush();
    }
}
