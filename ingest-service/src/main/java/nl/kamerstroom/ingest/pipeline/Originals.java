package nl.kamerstroom.ingest.pipeline;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import nl.kamerstroom.ingest.publish.KnownIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which file of a given id is its original. The first file of an id not seen before is the
 * original and is parsed; a copy that arrives while the original is still in flight waits for
 * the original's outcome and is never sent before it: published, the copy is a duplicate;
 * failed, the copy fails the same way; neither (kept for a retry, or shutting down), the copy is
 * kept and retried too. So a duplicate event (empty text) always follows its original's event in
 * the topic, and an original that fails leaves no empty document behind.
 */
final class Originals {

    private static final Logger LOG = LoggerFactory.getLogger(Originals.class);

    /** How the original of an id ended, as its copies need to know. */
    sealed interface Outcome {
        /** The broker acknowledged its event. */
        record Published(String contentType) implements Outcome { }

        /** It went to failed/ for this reason. */
        record Failed(String relativePath, Rejection rejection) implements Outcome { }

        /** Neither: kept for a retry, or the service is stopping. */
        record Unfinished() implements Outcome { }
    }

    /** What a file with a given id is. */
    sealed interface Role {
        /** The first of its id: parse and send it, then report its outcome here. */
        record Original(String id, CompletableFuture<Outcome> outcome) implements Role { }

        /** Its id was acknowledged before: a duplicate. */
        record KnownCopy() implements Role { }

        /** A copy of an original in flight: completes with that original's outcome. */
        record WaitingCopy(CompletableFuture<Outcome> original) implements Role { }
    }

    private final KnownIds known;
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    Originals(KnownIds known) {
        this.known = known;
    }

    Role admit(String id) {
        Role[] role = new Role[1];
        // Decided under the map's lock for this id: an original finishing now is either still in
        // flight (the copy waits for it) or already recorded as known (the copy is a duplicate).
        inFlight.compute(id, (key, original) -> {
            if (original != null) {
                role[0] = new Role.WaitingCopy(original);
                return original;
            }
            if (known.contains(id)) {
                role[0] = new Role.KnownCopy();
                return null;
            }
            Role.Original first = new Role.Original(id, new CompletableFuture<>());
            role[0] = first;
            return first.outcome();
        });
        return role[0];
    }

    /** The original's event is acknowledged: remember the id (before letting it go), release its copies. */
    void published(Role.Original original, String relativePath, String contentType) {
        try {
            known.record(original.id());
        } catch (IOException e) {
            LOG.warn("Could not record id of {} in the known-ids file; a copy after a restart is not flagged: {}",
                    relativePath, e.toString());
        }
        settle(original, new Outcome.Published(contentType));
    }

    void failed(Role.Original original, String relativePath, Rejection rejection) {
        settle(original, new Outcome.Failed(relativePath, rejection));
    }

    /** Kept or interrupted; also the safety net when an original ends any other way (a no-op once settled). */
    void unfinished(Role.Original original) {
        settle(original, new Outcome.Unfinished());
    }

    /** Ids whose original is in flight. */
    int inFlight() {
        return inFlight.size();
    }

    /** Only this original's own entry is removed: after it failed, a later file may already be the new original. */
    private void settle(Role.Original original, Outcome outcome) {
        inFlight.remove(original.id(), original.outcome());
        original.outcome().complete(outcome);
    }
}
