package nl.kamerstroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedStateStoreMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreGetsSmallMemtablesAndCachedIndexBlocks() {
        try (Options first = new Options(); Options second = new Options()) {
            BoundedStateStoreMemory setter = new BoundedStateStoreMemory();
            Map<String, Object> configs = Map.of(BoundedStateStoreMemory.BYTES_CONFIG, 16L << 20);
            // As Kafka Streams hands them over: with its own table config in place.
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("document-entities", first, configs);
            setter.setConfig("entity-counts", second, configs);

            for (Options options : new Options[] {first, second}) {
                assertThat(options.writeBufferSize()).isEqualTo(4L << 20);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
        }
    }

    @Test
    void aBudgetTooSmallForTheStoresIsRefused() {
        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(Map.of("STATE_STORE_MEMORY", "1MiB"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STATE_STORE_MEMORY");
    }
}
