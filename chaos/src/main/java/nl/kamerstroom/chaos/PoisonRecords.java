package nl.kamerstroom.chaos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Records no Kamerstroom serializer would write, produced by a client that is not ours: kcat
 * (librdkafka), one file per record. Per topic: noise, a wrong magic byte, a valid wire-format
 * header naming a schema id the registry does not have, and a real record cut short (valid magic
 * byte and schema id, truncated Avro body).
 */
final class PoisonRecords {

    /** A poison record as written: where, under which key. */
    record Poison(String topic, String key, String kind) {
    }

    private static final int UNKNOWN_SCHEMA_ID = 2_000_000_000;
    /** 20 attempts 3 s apart: a broker restart took up to 40 s on the loaded 2-core machine. */
    private static final int ATTEMPTS = 20;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(3);

    private PoisonRecords() {
    }

    /**
     * Writes the four poison records to {@code topic}.
     *
     * @param realValue the value of a real record on that topic, to corrupt
     */
    static List<Poison> write(String bootstrap, String topic, byte[] realValue, long seed, Path scratch)
            throws IOException, InterruptedException {
        Random random = new Random(seed ^ topic.hashCode());
        byte[] noise = new byte[200 + random.nextInt(200)];
        random.nextBytes(noise);
        noise[0] = 0x7f;
        byte[] wrongMagic = realValue.clone();
        wrongMagic[0] = 1;
        byte[] unknownSchema = ByteBuffer.allocate(5 + 32).put((byte) 0).putInt(UNKNOWN_SCHEMA_ID)
                .put(Arrays.copyOfRange(realValue, 5, Math.min(realValue.length, 37))).array();
        byte[] truncated = Arrays.copyOf(realValue, 5 + (realValue.length - 5) / 2);

        List<Poison> written = new ArrayList<>();
        written.add(produce(bootstrap, topic, "noise", noise, seed, scratch));
        written.add(produce(bootstrap, topic, "wrong-magic-byte", wrongMagic, seed, scratch));
        written.add(produce(bootstrap, topic, "unknown-schema-id", unknownSchema, seed, scratch));
        written.add(produce(bootstrap, topic, "truncated-avro", truncated, seed, scratch));
        return written;
    }

    /** A stand-in for a real record when the topic has none yet: magic byte 0, schema id 1, 300 random bytes. */
    static byte[] syntheticValue(long seed) {
        byte[] body = new byte[300];
        new Random(seed).nextBytes(body);
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(1).put(body).array();
    }

    /** Writes one record with kcat, again while the broker does not take it (it may be restarting: a fault). */
    private static Poison produce(String bootstrap, String topic, String kind, byte[] value, long seed, Path scratch)
            throws IOException, InterruptedException {
        String key = "poison-" + topic + "-" + kind + "-" + seed;
        Path file = Files.write(scratch.resolve(key + ".bin"), value);
        for (int attempt = 1; ; attempt++) {
            // With a file argument kcat sends the whole file as one message, newlines and all.
            Process kcat = new ProcessBuilder("kcat", "-P", "-b", bootstrap, "-t", topic, "-k", key, file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(kcat.getInputStream().readAllBytes());
            if (kcat.waitFor(60, TimeUnit.SECONDS) && kcat.exitValue() == 0) {
                return new Poison(topic, key, kind);
            }
            kcat.destroyForcibly();
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("kcat could not write " + key + " to " + topic + " in " + ATTEMPTS
                        + " attempts: " + output);
            }
            // A record written but reported failed comes twice: the checks compare dead letters by key.
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }
}
