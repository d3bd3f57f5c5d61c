package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

    @Test
    void ignoresOrderAndMapType() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("one", "1");
        a.put("two", "2");
        a.put("three", "3");
        Map<String, String> b = new TreeMap<>(a);
        assertEquals(ContentDigest.of(a).hex(), ContentDigest.of(b).hex());
        assertEquals(ContentDigest.of(a).hex(), ContentDigest.of(new HashMap<>(a)).hex());
    }

    @Test
    void changesWithAnyKeyOrValueChange() {
        Map<String, String> a = Map.of("key", "value", "other", "x");
        assertNotEquals(ContentDigest.of(a).hex(), ContentDigest.of(Map.of("key", "valuf", "other", "x")).hex());
        assertNotEquals(ContentDigest.of(a).hex(), ContentDigest.of(Map.of("kez", "value", "other", "x")).hex());
        assertNotEquals(ContentDigest.of(a).hex(), ContentDigest.of(Map.of("key", "value")).hex());
        // a key and value swapped, or moved between entries, is a different map
        assertNotEquals(ContentDigest.of(Map.of("a", "b")).hex(), ContentDigest.of(Map.of("b", "a")).hex());
        assertNotEquals(ContentDigest.of(Map.of("a", "", "b", "c")).hex(), ContentDigest.of(Map.of("a", "c", "b", "")).hex());
    }

    @Test
    void partsAddUpToTheWhole() {
        Map<String, String> all = FormatTest.randomMap(11, 300);
        ContentDigest sum = new ContentDigest();
        int i = 0;
        for (Map.Entry<String, String> e : all.entrySet()) {
            ContentDigest part = new ContentDigest();
            part.add(e.getKey(), e.getValue());
            sum.add(part);
            i++;
        }
        assertEquals(ContentDigest.of(all).hex(), sum.hex());
        assertEquals(i, sum.entries());
    }
}
