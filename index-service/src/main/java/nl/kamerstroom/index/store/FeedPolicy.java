package nl.kamerstroom.index.store;

import java.time.Duration;

/**
 * When the feeder commits and refreshes. Each commit fsyncs the index, so committing every
 * second bounds the replay after a crash to ~1 s of records at little cost; a refresh opens a
 * new searcher, which on a busy 2-core machine costs half a core when done every 100 ms, so it
 * happens only when something was indexed and at most once per {@code refreshInterval}.
 */
public record FeedPolicy(Duration commitInterval, int commitDocs, Duration refreshInterval) {
}
