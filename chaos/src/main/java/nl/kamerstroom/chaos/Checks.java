package nl.kamerstroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.TopicReader;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The checks made once the pipeline has settled, while every service still runs. Each compares
 * what came out with what went in, by document id, file name or record key, never by a count alone.
 */
final class Checks {

    static final String INGEST_TWINS = "ingest: identical files dropped together";
    static final String INGEST_REGISTRY_OUTAGE = "ingest: registry outage retried, file not failed";
    static final String ENRICH_DUPLICATES = "enrich: duplicate events skipped, idempotent by id";
    static final String ENRICH_COUNTS = "enrich: exact counts as KTable aggregation";
    static final String ENRICH_REGISTRY_OUTAGE = "enrich: registry outage is no dead letter";
    static final String INDEX_DEAD_LETTERS = "index: poison records to a dead-letter topic";
    static final String LIFECYCLE_START = "lifecycle: clean failed starts";
    static final String LIFECYCLE_STOP = "lifecycle: fast stop";

    /** What every document reaching every replica needs: nothing lost to a registry outage or stopped by poison. */
    private static final String[] LOSSLESS = {INGEST_REGISTRY_OUTAGE, ENRICH_REGISTRY_OUTAGE, INDEX_DEAD_LETTERS};

    /** Kafka Connect's header naming the topic a dead letter came from (enrich writes it; so must index). */
    private static final String ORIGIN_TOPIC_HEADER = "__connect.errors.topic";
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    private static final int EXAMPLES = 3;

    private final Pipeline pipeline;
    private final Workload workload;
    private final List<PoisonRecords.Poison> poisons;

    Checks(Pipeline pipeline, Workload workload, List<PoisonRecords.Poison> poisons) {
        this.pipeline = pipeline;
        this.workload = workload;
        this.poisons = List.copyOf(poisons);
    }

    /** Every check that needs the pipeline running. */
    List<Check> whileRunning(List<ServiceInstance> unhealthy) throws IOException {
        List<Check> checks = new ArrayList<>(files());
        EntityRecount recount = null;
        for (ServiceInstance store : pipeline.stores()) {
            EntityRecount storeRecount = new EntityRecount();
            checks.addAll(replica(store, storeRecount));
            recount = recount == null ? storeRecount : recount;
        }
        List<ServiceInstance> openSearchStores = pipeline.instances(ServiceKind.OPENSEARCH_INDEX);
        if (!openSearchStores.isEmpty()) {
            StoreComparison comparison = new StoreComparison(pipeline, workload);
            checks.add(comparison.versions());
            checks.add(comparison.searchAnswers(pipeline.instances(ServiceKind.LUCENE_INDEX).getFirst(),
                    openSearchStores.getFirst()));
        }
        checks.add(enrichedEvery());
        checks.add(counts(recount));
        checks.addAll(deadLetters());
        checks.add(Check.of("every instance healthy at the end", 0 + " unhealthy", unhealthy.size() + " unhealthy "
                + unhealthy, unhealthy.isEmpty()).reliesOn(LIFECYCLE_START));
        return checks;
    }

    private List<Check> files() throws IOException {
        List<String> leftInInbox = filesUnder(pipeline.inbox(), pipeline.ingestWorkDir());
        List<String> claimed = claimedFiles(pipeline);
        Set<String> done = new HashSet<>(filesUnder(pipeline.done(), null));
        Set<String> failed = new HashSet<>(filesUnder(pipeline.failed(), null));
        failed.removeIf(name -> name.endsWith(".error.json"));
        List<String> notDone = workload.expectDone().stream().filter(name -> !done.contains(name)).toList();
        List<String> notFailed = workload.expectFailed().stream().filter(name -> !failed.contains(name)).toList();
        return List.of(
                Check.of("inbox and claim folders empty", "0 files", leftInInbox.size() + " in inbox "
                        + examples(leftInInbox) + ", " + claimed.size() + " claimed " + examples(claimed),
                        leftInInbox.isEmpty() && claimed.isEmpty()),
                Check.of("good files in done/", workload.expectDone().size(),
                        (workload.expectDone().size() - notDone.size()) + " (missing " + notDone.size() + " " + examples(notDone)
                                + ", " + done.size() + " in done/)", notDone.isEmpty()).reliesOn(INGEST_REGISTRY_OUTAGE),
                Check.of("hostile files in failed/", workload.expectFailed().size(),
                        (workload.expectFailed().size() - notFailed.size()) + " (missing " + notFailed.size() + " "
                                + examples(notFailed)
                                + ", " + failed.size() + " in failed/)", notFailed.isEmpty() && failed.size()
                                == workload.expectFailed().size()).reliesOn(INGEST_REGISTRY_OUTAGE));
    }

    /** A store's answers through its index instance's API: a Lucene replica, or the OpenSearch store. */
    private List<Check> replica(ServiceInstance replica, EntityRecount recount) throws IOException {
        ReplicaClient client = new ReplicaClient(replica.baseUrl());
        String name = replica.kind() == ServiceKind.OPENSEARCH_INDEX ? "OpenSearch store (" + replica + ")" : replica.toString();
        List<String> missing = new ArrayList<>();
        List<String> notWhole = new ArrayList<>();
        for (Workload.ExpectedDocument expected : workload.expected().values()) {
            Optional<JsonNode> document = client.document(expected.id());
            if (document.isEmpty()) {
                missing.add(expected.fileName());
                continue;
            }
            recount.add(document.get());
            String text = withoutWhiteSpace(document.get().path("text").asText(""));
            if (!text.contains(withoutWhiteSpace(expected.startMarker()))
                    || !text.contains(withoutWhiteSpace(expected.endMarker()))) {
                notWhole.add(expected.fileName() + " (" + text.length() + " chars)");
            }
        }
        List<String> notDeleted = new ArrayList<>();
        for (Workload.ExpectedDocument deleted : workload.deleted().values()) {
            if (client.document(deleted.id()).isPresent()) {
                notDeleted.add(deleted.fileName());
            }
        }
        long total = client.total();
        long extra = total - (workload.expected().size() - missing.size());
        int expected = workload.expected().size();
        return List.of(
                Check.of(name + ": exactly the expected documents", expected + ", " + workload.deleted().size()
                        + " deleted gone", total + " held, " + missing.size() + " missing " + examples(missing) + ", "
                        + extra + " extra, " + notDeleted.size() + " deleted still there " + examples(notDeleted),
                        missing.isEmpty() && extra == 0 && notDeleted.isEmpty()).reliesOn(LOSSLESS),
                Check.of(name + ": full text of each held", "all whole", (expected - missing.size()
                        - notWhole.size()) + " whole, " + notWhole.size() + " not " + examples(notWhole),
                        notWhole.isEmpty()).reliesOn(INGEST_TWINS, ENRICH_DUPLICATES));
    }

    /**
     * Every expected document on documents.enriched, each deleted one ending in a tombstone, no
     * other key.
     */
    private Check enrichedEvery() {
        Map<String, Integer> copies = new HashMap<>();
        Set<String> endInTombstone = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readToEnd(pipeline.bootstrapServers(),
                Topics.ENRICHED, READ_TIMEOUT)) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                endInTombstone.add(key);
            } else {
                copies.merge(key, 1, Integer::sum);
                endInTombstone.remove(key);
            }
        }
        poisons.forEach(poison -> copies.remove(poison.key()));
        List<String> missing = workload.expected().keySet().stream()
                .filter(id -> !copies.containsKey(id) || endInTombstone.contains(id)).toList();
        List<String> notDeleted = workload.deleted().keySet().stream().filter(id -> !endInTombstone.contains(id)).toList();
        List<String> repeated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Set<String> unexpected = new HashSet<>(copies.keySet());
        unexpected.removeAll(workload.expected().keySet());
        unexpected.removeAll(workload.deleted().keySet());
        // Ingest is at least once: a send that timed out (broker restart) is sent again, and enrich,
        // idempotent by id, writes a second version of the same key. Stores upsert by key, so the
        // store checks, not this one, say whether anything was duplicated; repeats are reported.
        return Check.of("documents.enriched: every document, deletes as tombstones, none unexpected",
                workload.expected().size() + " + " + workload.deleted().size() + " deleted",
                copies.size() + " ids, " + missing.size() + " missing, " + notDeleted.size() + " deleted not tombstoned, "
                        + unexpected.size() + " unexpected (" + repeated.size() + " sent again)",
                missing.isEmpty() && notDeleted.isEmpty() && unexpected.isEmpty())
                .reliesOn(ENRICH_DUPLICATES, INGEST_REGISTRY_OUTAGE, ENRICH_REGISTRY_OUTAGE);
    }

    private Check counts(EntityRecount recount) {
        Deserializer<EntityCount> deserializer = Topics.create(new AvroSerdeConfig(pipeline.registryUrl(), false, false))
                .entityCounts.valueSerde().deserializer();
        Map<String, EntityRecount.Total> published = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readToEnd(pipeline.bootstrapServers(),
                Topics.ENTITY_COUNTS, READ_TIMEOUT)) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            EntityCount count = deserializer.deserialize(Topics.ENTITY_COUNTS, record.value());
            if (count == null) {
                published.remove(key);
            } else {
                published.put(key, new EntityRecount.Total(count.getMentions(), count.getDocuments()));
            }
        }
        Map<String, EntityRecount.Total> expected = recount.totals();
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(published.keySet());
        List<String> wrong = keys.stream().sorted()
                .filter(key -> !expected.getOrDefault(key, new EntityRecount.Total(0, 0))
                        .equals(published.getOrDefault(key, new EntityRecount.Total(0, 0))))
                .map(key -> key + " counts " + describe(published.get(key)) + ", index " + describe(expected.get(key)))
                .toList();
        return Check.of("entities.counts = recount from the index", expected.size() + " entities, 0 wrong",
                published.size() + " entities, " + wrong.size() + " wrong " + examples(wrong), wrong.isEmpty())
                .reliesOn(ENRICH_COUNTS).reliesOn(LOSSLESS);
    }

    private List<Check> deadLetters() {
        Map<String, String> lettersByKey = new HashMap<>();
        List<String> topics = deadLetterTopics();
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readToEnd(pipeline.bootstrapServers(), topic,
                    READ_TIMEOUT)) {
                Header origin = record.headers().lastHeader(ORIGIN_TOPIC_HEADER);
                String key = record.key() == null ? "(no key)" : new String(record.key(), StandardCharsets.UTF_8);
                lettersByKey.put(key, origin == null ? "?" : new String(origin.value(), StandardCharsets.UTF_8));
            }
        }
        List<Check> checks = new ArrayList<>();
        for (String topic : List.of(Topics.INGESTED, Topics.ENRICHED)) {
            List<PoisonRecords.Poison> written = poisons.stream().filter(p -> p.topic().equals(topic)).toList();
            if (written.isEmpty()) {
                continue;
            }
            List<String> notFound = written.stream()
                    .filter(p -> !topic.equals(lettersByKey.get(p.key()))).map(PoisonRecords.Poison::kind).toList();
            Check check = Check.of(topic + " poison in " + String.join(", ", topics), written.size() + " of "
                    + written.size(), (written.size() - notFound.size()) + " (missing " + notFound + ")", notFound.isEmpty());
            checks.add(topic.equals(Topics.ENRICHED) ? check.reliesOn(INDEX_DEAD_LETTERS) : check);
        }
        Set<String> other = new HashSet<>(lettersByKey.keySet());
        poisons.forEach(poison -> other.remove(poison.key()));
        checks.add(Check.of("no other dead letters", 0, other.size() + " " + examples(new ArrayList<>(other)),
                other.isEmpty()).reliesOn(ENRICH_REGISTRY_OUTAGE));
        return checks;
    }

    /** Dead-letter topics by name: documents.dlq, and whatever *.dlq the index-service writes. */
    private List<String> deadLetterTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            return admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list topics", e);
        }
    }

    /** After the services and the stack were stopped: how they stopped, and that nothing is left running. */
    static List<Check> afterShutdown(Map<ServiceInstance, Duration> stopTimes, Duration limit) {
        List<String> slow = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        for (Map.Entry<ServiceInstance, Duration> stop : stopTimes.entrySet()) {
            Duration took = stop.getValue();
            if (took == null || took.compareTo(limit) > 0) {
                slow.add(stop.getKey() + (took == null ? " killed" : " " + took.toMillis() + " ms"));
            }
            if (took != null && took.compareTo(slowest) > 0) {
                slowest = took;
            }
        }
        List<String> leftBehind = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
        return List.of(
                Check.of("services stop on SIGTERM within " + limit.toSeconds() + " s", "all", slow.isEmpty()
                        ? "all, slowest " + slowest.toMillis() + " ms" : slow.toString(), slow.isEmpty())
                        .reliesOn(LIFECYCLE_STOP),
                Check.of("no process left behind", 0, leftBehind.size() + " " + examples(leftBehind),
                        leftBehind.isEmpty()));
    }

    /** Files ingest instances have claimed and not yet finished (without their lock files). */
    static List<String> claimedFiles(Pipeline pipeline) throws IOException {
        return filesUnder(pipeline.ingestWorkDir().resolve("claimed"), null).stream()
                .filter(name -> !name.endsWith(".lock")).toList();
    }

    /** Names of the files under {@code root}, leaving out those under {@code excluded} (may be null). */
    static List<String> filesUnder(Path root, Path excluded) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> excluded == null || !path.startsWith(excluded))
                    .map(path -> path.getFileName().toString())
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String describe(EntityRecount.Total total) {
        return total == null ? "none" : total.documents() + " docs/" + total.mentions() + " mentions";
    }

    private static String withoutWhiteSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String examples(List<String> values) {
        return values.isEmpty() ? "" : values.subList(0, Math.min(EXAMPLES, values.size())).toString();
    }
}
