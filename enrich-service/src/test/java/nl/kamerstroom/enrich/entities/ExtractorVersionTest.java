package nl.kamerstroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtractorVersionTest {

    @Test
    void ordersVersionsAsReleasesFollowEachOther() {
        List<String> versions = new ArrayList<>(Arrays.asList("0.10.0", "0.2.0", null, "0.2.0-SNAPSHOT", "1.0",
                "0.9.1", "0.2.1"));
        Collections.shuffle(versions, new Random(1));

        versions.sort(ExtractorVersion.ORDER);

        assertThat(versions).containsExactly(null, "0.2.0-SNAPSHOT", "0.2.0", "0.2.1", "0.9.1", "0.10.0", "1.0");
    }

    @Test
    void theCurrentVersionIsTheBuildsProjectVersion() {
        assertThat(ExtractorVersion.CURRENT).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(ExtractorVersion.ORDER.compare(ExtractorVersion.CURRENT, "999")).isNegative();
    }
}
