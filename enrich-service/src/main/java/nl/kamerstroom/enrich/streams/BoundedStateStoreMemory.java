package nl.kamerstroom.enrich.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB state store of the instance ({@code STATE_STORE_MEMORY}).
 * Kafka Streams' default gives each store partition its own 50 MB block cache and up to three
 * 16 MB memtables, outside the Java heap: with three stores on three partitions the services'
 * process grew by ~110 MB of native memory in a few minutes of the pipeline benchmark, and would
 * grow further with the data. Here all stores share one LRU cache, and their memtables are
 * charged to it through a {@link WriteBufferManager}, so block cache and memtables together stay
 * within the budget; index and filter blocks are cached (and charged) too.
 *
 * <p>Streams creates this class once per store; the cache is per JVM, made on first use with the
 * budget of the first instance configured, and never closed (it lives as long as the process).
 */
public final class BoundedStateStoreMemory implements RocksDBConfigSetter {

    /** Streams passes its whole configuration to {@link #setConfig}; the budget travels in it. */
    public static final String BYTES_CONFIG = "kamerstroom.state.store.memory.bytes";
    /** Memtables may take this share of the budget; the rest is block cache. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** A smaller memtable than the 16 MB default: documents' entity rows are small, flushes cheap. */
    private static final long MEMTABLE_BYTES = 4L << 20;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long budget = ((Number) configs.get(BYTES_CONFIG)).longValue();
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedStateStoreMemory.class) {
            if (cache == null) {
                // strict limit off: a read that needs a block when the cache is full still succeeds
                cache = new LRUCache(budget, -1, false, 0.1);
                writeBuffers = new WriteBufferManager((long) (budget * MEMTABLE_SHARE), cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBuffers);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the process: not closed here.
    }
}
