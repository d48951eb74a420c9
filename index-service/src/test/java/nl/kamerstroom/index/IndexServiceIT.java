package nl.kamerstroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.index.store.StoreFiles;
import nl.kamerstroom.serde.AvroDeserializer;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on the real broker and registry: documents.enriched → documents.index →
 * Lucene → HTTP. Topics are the fixed pipeline topics shared by the tests of this class, so each
 * test uses its own document ids and file names and asserts on those.
 */
@WithKafkaStack
class IndexServiceIT extends IndexServiceHarness {

    IndexServiceIT(KafkaStack stack) {
        super(stack, Duration.ofSeconds(30));
    }

    @Test
    void documentsFlowFromEnrichedThroughTheIndexTopicIntoASearchableStore(@TempDir Path dir) throws Exception {
        String run = KafkaStack.uniqueName("flow");
        try (IndexService service = start(dir, run, Map.of())) {
            send(Documents.ukraineLetter(run + "-letter"), Documents.plain(run + "-memo", run + "-memo.txt",
                    "Een memo over de begroting van " + run + "."));

            awaitSearch(service, "file=kamerbrief-oekraine.pdf", body -> ids(body).contains(run + "-letter"));
            JsonNode letter = Response.JSON.readTree(get(service, "/api/documents/" + run + "-letter").body());
            assertThat(letter.get("title").asText()).isEqualTo("Steun aan Oekraïne");
            assertThat(letter.get("text").asText()).isEqualTo(Documents.UKRAINE_TEXT);
            awaitSearch(service, "file=" + run + "-memo.txt", body -> body.get("total").asLong() == 1);

            // by text (Dutch stemming: begrotingen finds begroting), entity, dossier, amount range, file
            assertThat(ids(search(service, "q=begrotingen+" + run))).containsExactly(run + "-memo");
            assertThat(ids(search(service, "ministry=BZ&country=UA"))).contains(run + "-letter");
            assertThat(ids(search(service, "dossier=36045"))).contains(run + "-letter");
            assertThat(ids(search(service, "minAmount=300000000"))).contains(run + "-letter");
            assertThat(ids(search(service, "minAmount=300000000.01"))).doesNotContain(run + "-letter");
            assertThat(ids(search(service, "file=" + run + "-memo.txt"))).containsExactly(run + "-memo");

            List<ConsumerRecord<byte[], byte[]>> topic = stack.readAll(Topics.INDEX, timeout);
            IndexDocument onTopic = indexRecord(topic, run + "-letter");
            assertThat(onTopic.getTitle()).isEqualTo("Steun aan Oekraïne");
            assertThat(onTopic.getSummary().getMinistryIds()).containsExactly("BZ");

            sendTombstone(run + "-memo");
            awaitSearch(service, "file=" + run + "-memo.txt", body -> body.get("total").asLong() == 0);
            assertThat(get(service, "/api/health").statusCode()).isEqualTo(200);
        }
    }

    /**
     * A motion postponed in a Regeling van werkzaamheden, adopted in a later vote record and then
     * mentioned without a status, sent out of date order: its history lists all three oldest first
     * and the vote is its last known status; the vote record is found by its motion status, chamber
     * and Handelingen id. The motion id is this run's own (other tests' documents share the topics).
     */
    @Test
    void aMotionAdoptedAfterBeingPostponedHasTheVoteAsItsLastKnownStatus(@TempDir Path dir) throws Exception {
        // A word no other test's documents hold, searched as a phrase: "motion-…" would also find theirs.
        String run = KafkaStack.uniqueName("kuzumotie");
        String ownDocuments = "q=%22" + run + "%22";
        String motion = "kst-36180-" + Math.floorMod(run.hashCode(), 1_000_000);
        try (IndexService service = start(dir, run, Map.of())) {
            send(Documents.motionRecord(run + "-votes", motion, LocalDate.of(2024, 3, 12), "aangenomen",
                            List.of("SP", "GroenLinks", "PvdA"), List.of("PVV", "VVD")),
                    Documents.motionRecord(run + "-later", motion, LocalDate.of(2024, 4, 2), null, List.of(),
                            List.of()),
                    Documents.motionRecord(run + "-regeling", motion, LocalDate.of(2024, 2, 6), "aangehouden",
                            List.of(), List.of()));
            awaitSearch(service, ownDocuments, body -> body.get("total").asLong() == 3);

            HttpResponse<String> response = get(service, "/api/motions/" + motion);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode history = Response.JSON.readTree(response.body());
            assertThat(history.get("documents").asLong()).isEqualTo(3);
            assertThat(history.get("history").valueStream()
                    .map(d -> d.get("id").asText() + " " + d.get("status").asText()))
                    .containsExactly(run + "-regeling aangehouden", run + "-votes aangenomen", run + "-later null");
            JsonNode last = history.get("lastStatus");
            assertThat(last.get("status").asText()).isEqualTo("aangenomen");
            assertThat(last.get("document").asText()).isEqualTo(run + "-votes");
            assertThat(last.get("date").asText()).isEqualTo("2024-03-12");
            assertThat(last.get("votesFor").valueStream().map(JsonNode::asText))
                    .containsExactly("SP", "GroenLinks", "PvdA");
            assertThat(last.get("votesAgainst").valueStream().map(JsonNode::asText)).containsExactly("PVV", "VVD");

            assertThat(ids(search(service, ownDocuments + "&motionStatus=aangenomen"))).containsExactly(run + "-votes");
            assertThat(ids(search(service, ownDocuments + "&chamber=Tweede+Kamer"))).hasSize(3);
            assertThat(ids(search(service, "documentId=h-tk-2024-" + run + "-regeling")))
                    .containsExactly(run + "-regeling");
            JsonNode vote = Response.JSON.readTree(get(service, "/api/documents/" + run + "-votes").body());
            assertThat(vote.get("title").asText()).as("the text's title, not the file's")
                    .isEqualTo("Stemmingen " + run + "-votes");
            assertThat(vote.get("chamber").asText()).isEqualTo("Tweede Kamer");
            assertThat(vote.get("motions").get(0).get("status").asText()).isEqualTo("aangenomen");

            assertThat(get(service, "/api/motions/kst-36180-0000000").statusCode()).isEqualTo(404);
            assertThat(get(service, "/api/motions/motie-Kuzu").statusCode()).isEqualTo(400);
        }
    }

    /**
     * Records a client that is not ours writes (garbage bytes, an id longer than Lucene indexes)
     * to documents.enriched and straight to documents.index: each becomes exactly one dead letter
     * (the topology's on documents.dlq, the store's on documents.index.dlq naming the replica),
     * the documents after them are indexed, and a restart neither replays nor repeats them.
     */
    @Test
    void poisonRecordsOnBothTopicsBecomeDeadLettersOnceAndTheDocumentsAfterThemAreIndexed(@TempDir Path dir)
            throws Exception {
        String run = KafkaStack.uniqueName("poison");
        String immenseId = run + "-" + "x".repeat(40_000);
        try (IndexService service = start(dir, run, Map.of());
             KafkaProducer<byte[], byte[]> foreign = new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
            foreign.send(new ProducerRecord<>(Topics.ENRICHED, 0, bytes(run + "-bad-enriched"), garbage)).get();
            foreign.send(new ProducerRecord<>(Topics.INDEX, 0, bytes(run + "-bad-index"), garbage)).get();
            IndexDocument valid = Documents.index(Documents.plain(immenseId, run + "-immense.txt", run + " te lang"));
            foreign.send(new ProducerRecord<>(Topics.INDEX, 0, bytes(immenseId),
                    topics().index.valueSerde().serializer().serialize(Topics.INDEX, valid))).get();
            IndexDocument after = Documents.index(Documents.plain(run + "-after", run + "-after.txt", run + " daarna"));
            foreign.send(new ProducerRecord<>(Topics.INDEX, 0, bytes(run + "-after"),
                    topics().index.valueSerde().serializer().serialize(Topics.INDEX, after))).get();
            send(Documents.plain(run + "-good", run + "-good.txt", run + " goed"));

            awaitSearch(service, "q=" + run, body -> sameIds(body, run + "-after", run + "-good"));
            assertThat(get(service, "/metrics").body())
                    .contains("kamerstroom_index_dlq_total{reason=\"deserialize\",service=\"index\",topic=\"documents.index\"} 1.0")
                    .contains("kamerstroom_index_dlq_total{reason=\"index\",service=\"index\",topic=\"documents.index\"} 1.0");
        }
        try (IndexService restarted = start(dir, run, Map.of())) {
            awaitHealthy(restarted);
        }

        List<ConsumerRecord<byte[], byte[]>> topologyLetters = lettersFor(Topics.DEAD_LETTERS, run);
        assertThat(topologyLetters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(bytes(run + "-bad-enriched"));
            assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo(Topics.ENRICHED);
            assertThat(header(letter, DeadLetter.HEADER_SERVICE)).isEqualTo("index");
            assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.DESERIALIZE);
        });
        List<ConsumerRecord<byte[], byte[]>> storeLetters = lettersFor(Topics.INDEX_DEAD_LETTERS, run);
        // The dead letters land in whatever partitions the producer picks, so in no particular order.
        assertThat(storeLetters).extracting(letter -> header(letter, DeadLetter.HEADER_STAGE))
                .containsExactlyInAnyOrder(DeadLetter.DESERIALIZE, DeadLetter.INDEX);
        assertThat(storeLetters).allSatisfy(letter -> {
            assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo(Topics.INDEX);
            assertThat(header(letter, DeadLetter.HEADER_INSTANCE)).isEqualTo(run);
        });
        assertThat(storeLetters).filteredOn(letter -> Arrays.equals(letter.key(), bytes(run + "-bad-index")))
                .singleElement().satisfies(letter -> assertThat(letter.value()).isEqualTo(bytes("not avro at all")));
    }

    /**
     * The dead letters this run's service wrote (INSTANCE_ID is the run): other pipelines of the
     * module's tests on the same broker read the same topics and write their own.
     */
    private List<ConsumerRecord<byte[], byte[]>> lettersFor(String topic, String run) {
        return stack.readAll(topic, timeout).stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(run + "-"))
                .filter(r -> r.headers().lastHeader(DeadLetter.HEADER_INSTANCE) != null
                        && header(r, DeadLetter.HEADER_INSTANCE).equals(run))
                .toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The store commits only on close here (1 h interval). Run 1 indexes A and B and commits.
     * Run 2 indexes C, a new version of A and the deletion of B, all searchable, then "crashes":
     * its directory is copied as a killed process leaves it. Run 3 opens that copy: it replays
     * run 2's records from the committed positions and ends with exactly A', C.
     */
    @Test
    void aCrashBetweenIndexWriteAndOffsetCommitLeavesTheStoreExact(@TempDir Path dir, @TempDir Path crashed)
            throws Exception {
        String run = KafkaStack.uniqueName("crash");
        Map<String, String> commitOnlyOnClose = Map.of("INDEX_COMMIT_INTERVAL", "1h", "INDEX_COMMIT_DOCS", "1000000");
        String a = run + "-a";
        String b = run + "-b";
        String c = run + "-c";
        try (IndexService first = start(dir, run, commitOnlyOnClose)) {
            send(Documents.plain(a, a + ".txt", run + " eerste versie"), Documents.plain(b, b + ".txt", run + " b"));
            awaitSearch(first, "q=" + run, body -> body.get("total").asLong() == 2);
        }
        try (IndexService second = start(dir, run, commitOnlyOnClose)) {
            send(Documents.plain(c, c + ".txt", run + " c"), Documents.plain(a, a + ".txt", run + " tweede versie"));
            sendTombstone(b);
            awaitSearch(second, "q=" + run, body -> sameIds(body, a, c));
            awaitSearch(second, "q=" + run + "+tweede", body -> body.get("total").asLong() == 1);
            StoreFiles.copyAsACrashLeavesIt(dir.resolve("lucene"), crashed.resolve("lucene"));
        }
        try (IndexService recovered = start(crashed, run, commitOnlyOnClose)) {
            awaitHealthy(recovered);
            JsonNode all = search(recovered, "q=" + run);
            assertThat(all.get("total").asLong()).isEqualTo(2);
            assertThat(ids(all)).containsExactlyInAnyOrder(a, c);
            assertThat(search(recovered, "q=" + run + "+tweede").get("total").asLong()).isEqualTo(1);
            assertThat(search(recovered, "q=" + run + "+eerste").get("total").asLong()).isZero();
        }
    }

    @Test
    void aNewReplicaWithAnEmptyIndexRebuildsItselfFromTheTopic(@TempDir Path dir, @TempDir Path empty)
            throws Exception {
        String run = KafkaStack.uniqueName("rebuild");
        int documents = 30;
        try (IndexService original = start(dir, run, Map.of())) {
            EnrichedDocument[] docs = new EnrichedDocument[documents];
            for (int i = 0; i < documents; i++) {
                docs[i] = Documents.plain(run + "-" + i, run + "-" + i + ".txt", run + " document " + i);
            }
            send(docs);
            awaitSearch(original, "q=" + run, body -> body.get("total").asLong() == documents);
        }
        try (IndexService replica = start(empty, run, Map.of())) {
            awaitHealthy(replica);
            assertThat(search(replica, "q=" + run).get("total").asLong()).isEqualTo(documents);
            assertThat(search(replica, "file=" + run + "-7.txt").get("total").asLong()).isEqualTo(1);
        }
    }

    private IndexDocument indexRecord(List<ConsumerRecord<byte[], byte[]>> records, String id) {
        try (AvroDeserializer<IndexDocument> deserializer = new AvroDeserializer<>(IndexDocument.class,
                new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false))) {
            return records.stream()
                    .filter(r -> id.equals(new String(r.key(), StandardCharsets.UTF_8)) && r.value() != null)
                    .map(r -> deserializer.deserialize(Topics.INDEX, r.value()))
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("No record for " + id + " on " + Topics.INDEX));
        }
    }

    private static boolean sameIds(JsonNode body, String... expected) {
        return ids(body).size() == expected.length && ids(body).containsAll(List.of(expected));
    }
}
