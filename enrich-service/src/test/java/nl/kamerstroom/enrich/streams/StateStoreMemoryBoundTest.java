package nl.kamerstroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.enrich.topology.EnrichTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * STATE_STORE_MEMORY is a bound, not a hint: both enrich stores, opened with the options
 * {@link BoundedStateStoreMemory} gives them (on the table config Streams hands it), take
 * several times the budget in rows, read all of them back, and RocksDB's own figures stay
 * within the budget throughout.
 *
 * <p>Not through a TopologyTestDriver: it commits, and so flushes every store to a new SST
 * file, after each record, ~1 s per document of 100 entities here, so tens of MB would take hours.
 */
class StateStoreMemoryBoundTest {

    static {
        RocksDB.loadLibrary();
    }

    private static final long BUDGET = 16L << 20;
    /** Data written, in multiples of the shared cache's capacity. */
    private static final int TIMES_THE_BUDGET = 6;
    private static final int VALUE_BYTES = 200;
    /**
     * RocksDB's slack: the cache is not strict (a block being read is admitted even when the
     * cache is full, and stays until released), and the write buffer manager charges memtables
     * in 256 KiB dummy entries; both may overshoot by a few blocks. 10% of the budget covers it.
     */
    private static final double SLACK = 1.10;
    private static final List<String> STORES =
            List.of(EnrichTopology.DOCUMENT_ENTITIES_STORE, EnrichTopology.ENTITY_COUNTS_STORE);

    @TempDir
    Path stateDir;

    private long peakCacheUsage;
    private long peakOutsideCache;
    private long peakMemtables;

    @Test
    void theStoresHoldSeveralTimesTheBudgetAndRocksDbStaysWithinIt() throws RocksDBException {
        BoundedStateStoreMemory setter = new BoundedStateStoreMemory();
        Options[] options = new Options[STORES.size()];
        RocksDB[] stores = new RocksDB[STORES.size()];
        try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
            for (int s = 0; s < stores.length; s++) {
                options[s] = new Options().setCreateIfMissing(true);
                options[s].setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig(STORES.get(s), options[s], Map.of(BoundedStateStoreMemory.BYTES_CONFIG, BUDGET));
                stores[s] = RocksDB.open(options[s], stateDir.resolve(STORES.get(s)).toString());
            }
            // The cache is the process's, made with the budget of the first store configured in it.
            long capacity = stores[0].getLongProperty("rocksdb.block-cache-capacity");
            long rowsPerStore = TIMES_THE_BUDGET * capacity / VALUE_BYTES / stores.length;

            for (long row = 0; row < rowsPerStore; row++) {
                for (RocksDB store : stores) {
                    store.put(noWal, key(row), value(row));
                }
                if (row % 10_000 == 0) {
                    sample(stores);
                }
            }
            long read = 0;
            for (RocksDB store : stores) {
                try (RocksIterator all = store.newIterator()) {
                    long row = 0;
                    for (all.seekToFirst(); all.isValid(); all.next(), row++) {
                        assertThat(all.key()).isEqualTo(key(row));
                        assertThat(all.value()).isEqualTo(value(row));
                        if (row % 10_000 == 0) {
                            sample(stores);
                        }
                    }
                    assertThat(row).isEqualTo(rowsPerStore);
                    read += row * VALUE_BYTES;
                }
                // Point reads too: each one pulls a data block (and its index partition) into the cache.
                for (long row = 0; row < rowsPerStore; row += 97) {
                    assertThat(store.get(key(row))).isEqualTo(value(row));
                }
                sample(stores);
            }
            System.out.printf("capacity %d B, data read back %d B, peak cache usage %d B, peak memtables %d B,"
                    + " peak outside the cache %d B%n",
                    capacity, read, peakCacheUsage, peakMemtables, peakOutsideCache);
            assertThat(read).isGreaterThanOrEqualTo((TIMES_THE_BUDGET - 1) * capacity);
            assertThat(peakCacheUsage).isGreaterThan(capacity / 2).isLessThanOrEqualTo((long) (capacity * SLACK));
            assertThat(peakCacheUsage + peakOutsideCache).isLessThanOrEqualTo((long) (capacity * SLACK));
        } finally {
            for (int s = 0; s < stores.length; s++) {
                if (stores[s] != null) {
                    stores[s].close();
                }
                if (options[s] != null) {
                    setter.close(STORES.get(s), options[s]);
                    options[s].close();
                }
            }
        }
    }

    /**
     * One shared cache holds the blocks and, through the write buffer manager, the memtables of
     * every store: its usage is read once. The table readers' own memory is per store and outside it.
     */
    private void sample(RocksDB[] stores) throws RocksDBException {
        peakCacheUsage = Math.max(peakCacheUsage, stores[0].getLongProperty("rocksdb.block-cache-usage"));
        long outside = 0;
        long memtables = 0;
        for (RocksDB store : stores) {
            outside += store.getLongProperty("rocksdb.estimate-table-readers-mem");
            memtables += store.getLongProperty("rocksdb.size-all-mem-tables");
        }
        peakOutsideCache = Math.max(peakOutsideCache, outside);
        peakMemtables = Math.max(peakMemtables, memtables);
    }

    private static byte[] key(long row) {
        return String.format("entity-%012d", row).getBytes(StandardCharsets.US_ASCII);
    }

    /** Incompressible enough that the blocks take their size: the row number spread over the value. */
    private static byte[] value(long row) {
        ByteBuffer value = ByteBuffer.allocate(VALUE_BYTES);
        long x = row * 0x9E3779B97F4A7C15L + 1;
        while (value.remaining() >= Long.BYTES) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            value.putLong(x);
        }
        return value.array();
    }
}
