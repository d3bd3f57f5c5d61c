package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactMapTest {
    @TempDir
    Path dir;

    private final CompactFormat compact = new CompactFormat();

    @Test
    void findsEveryKeyIncludingNonAsciiAndSupplementaryOnesAndNothingElse() throws IOException {
        Map<String, String> map = FormatTest.randomMap(21, 3_000);
        map.put("\uD83D\uDE00", "a supplementary key");
        map.put("grüße", "日本語");
        map.put("", "the empty key");
        Map<String, String> loaded = compact.decode(FormatTest.encode(new BinaryFormat(256), map), "f");
        assertEquals(map.size(), loaded.size());
        map.forEach((k, v) -> assertEquals(v, loaded.get(k), k));
        assertEquals(map, loaded);
        assertEquals(ContentDigest.of(map).hex(), ContentDigest.of(loaded).hex());
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            String miss = FormatTest.randomString(random) + "\u0001miss";
            assertNull(loaded.get(miss), miss);
            assertFalse(loaded.containsKey(miss));
        }
        assertNull(loaded.get(42));
        assertThrows(UnsupportedOperationException.class, () -> loaded.put("k", "v"));
    }

    @Test
    void anEmptyFileIsAnEmptyMap() throws IOException {
        Map<String, String> loaded = compact.decode(FormatTest.encode(compact, Map.of()), "empty");
        assertEquals(0, loaded.size());
        assertNull(loaded.get(""));
        assertTrue(loaded.entrySet().isEmpty());
    }

    @Test
    void blocksLoadedOnManyThreadsInAnyOrderGiveTheSameMap() throws Exception {
        Map<String, String> map = FormatTest.randomMap(22, 20_000);
        Path file = dir.resolve("f.dict");
        Files.write(file, FormatTest.encode(new BinaryFormat(128), map));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileChannel channel = FileChannel.open(file)) {
            BinaryFormat.Header header = BinaryFormat.readHeader(channel, file.toString());
            assertTrue(header.blocks().size() > 100, "many small blocks: " + header.blocks().size());
            CompactMap loaded = CompactMap.forFile(header, file.toString());
            List<BinaryFormat.Block> shuffled = new ArrayList<>(header.blocks());
            Collections.shuffle(shuffled, new Random(3));
            List<Future<?>> futures = new ArrayList<>();
            for (BinaryFormat.Block block : shuffled) {
                futures.add(pool.submit(() -> {
                    loaded.loadBlock(channel, block);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            assertEquals(map, loaded);
            assertEquals(map, compact.read(file));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyInTwoBlocksIsADuplicate() throws IOException {
        BinaryFormat format = new BinaryFormat(1); // one entry per block
        Map<String, String> first = new HashMap<>(Map.of("same", "1"));
        byte[] one = FormatTest.encode(format, first);
        // two files' blocks spliced: the header of a two-entry file whose second key is renamed back to the first's
        Map<String, String> two = new HashMap<>(Map.of("same", "1", "samf", "2"));
        byte[] bytes = FormatTest.encode(format, two);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("samf", "same");
        byte[] spliced = text.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Map.of("same", "1"), compact.decode(one, "one"));
        FormatException e = assertThrows(FormatException.class, () -> compact.decode(spliced, "dup.dict"));
        assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
        assertThrows(FormatException.class, () -> new BinaryFormat().decode(spliced, "dup.dict"), "the binary reader agrees");
    }

    @Test
    void aKeyThatIsNotUtf8IsRefusedNamingItsOffset() throws IOException {
        byte[] bytes = FormatTest.encode(compact, Map.of("kéy", "v"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("k\u00c3\u00a9y");
        bytes[at + 2] = (byte) 0x41; // the é's continuation byte becomes 'A'
        FormatException e = assertThrows(FormatException.class, () -> compact.decode(bytes, "bad.dict"));
        assertEquals(at, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed UTF-8"), e.getMessage());
    }

    @Test
    void itsUtf8CheckAgreesWithTheJdksStrictDecoder() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[random.nextInt(6)];
            for (int k = 0; k < b.length; k++) {
                int pick = random.nextInt(4);
                b[k] = (byte) (pick == 0 ? random.nextInt(0x80) : pick == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
            }
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                strict = true;
            } catch (CharacterCodingException e) {
                strict = false;
            }
            assertEquals(strict, CompactMap.isUtf8(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
        }
    }
}
