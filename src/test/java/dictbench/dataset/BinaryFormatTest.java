package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryFormatTest {
    @TempDir
    Path dir;

    @Test
    void blockByBlockDecodeEqualsWholeFileDecode() throws IOException {
        BinaryFormat format = new BinaryFormat(512);
        Map<String, String> map = FormatTest.randomMap(3, 2_000);
        Path file = dir.resolve("f.dict");
        Files.write(file, FormatTest.encode(format, map));
        Map<String, String> whole = format.read(file);
        Map<String, String> byBlock = new HashMap<>();
        try (FileChannel ch = FileChannel.open(file)) {
            BinaryFormat.Header header = BinaryFormat.readHeader(ch, file.toString());
            assertTrue(header.blocks().size() > 10, "small blocks give many: " + header.blocks().size());
            assertEquals(map.size(), header.entries());
            // in reverse order: blocks really are independent
            for (int i = header.blocks().size() - 1; i >= 0; i--) {
                BinaryFormat.Block block = header.blocks().get(i);
                BinaryFormat.decodeBlock(BinaryFormat.readBlock(ch, block, "f"), 0, block, byBlock, "f");
            }
        }
        assertEquals(map, whole);
        assertEquals(whole, byBlock);
    }

    @Test
    void streamedBlocksAreTheFilesBlocks() throws IOException {
        // 97-byte blocks: most entries (strings of up to 300 characters of up to 4 UTF-8 bytes) overrun one,
        // so the reused buffer grows and is cut many times
        BinaryFormat format = new BinaryFormat(97);
        Map<String, String> map = FormatTest.randomMap(11, 500);
        byte[] whole = FormatTest.encode(format, map);
        assertEquals(map, format.decode(whole, "whole"));
        List<byte[]> streamed = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        format.encodeBlocks(map, (bytes, length, entries) -> {
            streamed.add(Arrays.copyOf(bytes, length));
            counts.add(entries);
        });
        BinaryFormat.Header header = BinaryFormat.readHeader(writeTemp(whole));
        assertTrue(header.blocks().size() > 100, "many blocks: " + header.blocks().size());
        assertEquals(header.blocks().size(), streamed.size());
        for (BinaryFormat.Block block : header.blocks()) {
            byte[] inFile = Arrays.copyOfRange(whole, (int) block.offset(), (int) block.offset() + block.length());
            assertArrayEquals(inFile, streamed.get(block.index()), "block " + block.index());
            assertEquals(block.entries(), counts.get(block.index()), "entries of block " + block.index());
            if (block.index() < header.blocks().size() - 1) {
                assertTrue(block.length() >= 97, "a block is cut once it reaches the block size: " + block);
            }
        }
    }

    @Test
    void readingSaysAllAsciiOnlyWhenEveryStringIs() throws IOException {
        BinaryFormat format = new BinaryFormat(512);
        Map<String, String> ascii = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            ascii.put("key-" + i, "value ~!@#$%^&*()_+{}|:<>? " + i + (char) (i % 128));
        }
        Format.Decoded read = format.readCheckingAscii(writeTemp(FormatTest.encode(format, ascii)));
        assertEquals(ascii, read.map());
        assertTrue(read.allAscii());
        assertFalse(format.readCheckingAscii(writeTemp(FormatTest.encode(format, FormatTest.randomMap(5, 3_000)))).allAscii());
        for (String odd : new String[] {"\u00e4", "\u00ff", "\u0100", "\uFFFD", "\uD83D\uDE00", "\u0080"}) {
            Map<String, String> one = new HashMap<>(ascii);
            one.put("key-1500", "almost ASCII " + odd);
            Format.Decoded r = format.readCheckingAscii(writeTemp(FormatTest.encode(format, one)));
            assertEquals(one, r.map());
            assertFalse(r.allAscii(), "a value with " + odd);
        }
        assertFalse(new JavaSerialFormat().readCheckingAscii(writeTemp(FormatTest.encode(new JavaSerialFormat(), ascii))).allAscii(),
                "a format that does not check says false");
    }

    @Test
    void aMalformedByteIsOneCharPerByteButNotAscii() throws IOException {
        // one byte 0xFF where a value's 'Q' was: it decodes to U+FFFD, one char for one byte
        BinaryFormat format = new BinaryFormat();
        byte[] bytes = FormatTest.encode(format, Map.of("a", "Q", "b", "c"));
        int q = -1;
        for (int i = BinaryFormat.Header.bytes(1); i < bytes.length; i++) {
            q = bytes[i] == 'Q' ? i : q;
        }
        bytes[q] = (byte) 0xFF;
        Format.Decoded r = format.readCheckingAscii(writeTemp(bytes));
        assertEquals("\uFFFD", r.map().get("a"));
        assertFalse(r.allAscii());
    }

    @Test
    void copyingAsciiGivesTheBlocksEncodingDoes() throws IOException {
        BinaryFormat format = new BinaryFormat(97);
        Map<String, String> ascii = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            ascii.put("k" + i, "v".repeat(i % 300) + i); // lengths past 127 take two varint bytes
        }
        List<byte[]> encoded = new ArrayList<>();
        format.encodeBlocks(ascii, false, (bytes, length, entries) -> encoded.add(Arrays.copyOf(bytes, length)));
        List<byte[]> copied = new ArrayList<>();
        format.encodeBlocks(ascii, true, (bytes, length, entries) -> copied.add(Arrays.copyOf(bytes, length)));
        assertEquals(encoded.size(), copied.size());
        for (int i = 0; i < encoded.size(); i++) {
            assertArrayEquals(encoded.get(i), copied.get(i), "block " + i);
        }
    }

    @Test
    void anEmptyMapEncodesToAHeaderOnly() throws IOException {
        byte[] empty = FormatTest.encode(new BinaryFormat(), Map.of());
        assertEquals(BinaryFormat.Header.bytes(0), empty.length);
        assertEquals(Map.of(), new BinaryFormat().decode(empty, "empty"));
        new BinaryFormat().encodeBlocks(Map.of(), (bytes, length, entries) -> {
            throw new AssertionError("an empty map has no blocks");
        });
    }

    @Test
    void readingAFileRejectsCorruptionAsDecodingItsBytesDoes() throws IOException {
        byte[] bytes = FormatTest.encode(new BinaryFormat(512), FormatTest.randomMap(8, 2_000));
        BinaryFormat.Header header = BinaryFormat.readHeader(writeTemp(bytes));
        BinaryFormat.Block third = header.blocks().get(2);
        byte[] corrupt = bytes.clone();
        corrupt[(int) third.offset()] = 100; // the first key length of the third block: the entries after it no longer parse
        Path file = dir.resolve("corrupt.dict");
        Files.write(file, corrupt);
        FormatException read = assertThrows(FormatException.class, () -> new BinaryFormat().read(file));
        FormatException decoded = assertThrows(FormatException.class, () -> new BinaryFormat().decode(corrupt, file.toString()));
        assertEquals(decoded.getMessage(), read.getMessage());
        assertEquals(decoded.offset(), read.offset());
        assertTrue(read.offset() > third.offset() && read.offset() <= third.offset() + third.length(),
                "an offset in the file's third block, though the block sat at the start of a buffer: " + read.offset());

        Path truncated = dir.resolve("truncated.dict");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(assertThrows(FormatException.class, () -> new BinaryFormat().read(truncated)).getMessage().contains("truncated"));
    }

    @Test
    void rejectsHeaderCorruptionNamingTheOffset() throws IOException {
        byte[] bytes = FormatTest.encode(new BinaryFormat(256), FormatTest.randomMap(4, 100));
        bytes[BinaryFormat.FIXED_HEADER_BYTES + 3] ^= 1; // inside the first block's offset
        FormatException e = assertThrows(FormatException.class, () -> new BinaryFormat().decode(bytes, "bad.dict"));
        assertTrue(e.getMessage().contains("header checksum mismatch"), e.getMessage());
        assertEquals("bad.dict", e.source());
    }

    @Test
    void rejectsBadMagicAndHugeBlockCount() throws IOException {
        byte[] bytes = FormatTest.encode(new BinaryFormat(), FormatTest.randomMap(5, 10));
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(FormatException.class, () -> new BinaryFormat().decode(magic, "m"))
                .getMessage().contains("bad magic"));
        byte[] count = bytes.clone();
        count[20] = 0x7f; // block count ~2 billion in a tiny file: refused before any allocation
        assertTrue(assertThrows(FormatException.class, () -> new BinaryFormat().decode(count, "c"))
                .getMessage().contains("does not fit"));
    }

    @Test
    void rejectsLengthBeyondBlockEnd() throws IOException {
        Map<String, String> one = Map.of("key", "value");
        byte[] bytes = FormatTest.encode(new BinaryFormat(), one);
        int firstEntry = BinaryFormat.Header.bytes(1);
        bytes[firstEntry] = 100; // key length 100 in a 10-byte block
        FormatException e = assertThrows(FormatException.class, () -> new BinaryFormat().decode(bytes, "f"));
        assertTrue(e.getMessage().contains("key needs 100 bytes but the block has 9 left"), e.getMessage());
        assertEquals(firstEntry + 1, e.offset());
    }

    @Test
    void rejectsDuplicateKeys() throws IOException {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put("aa", "1");
        map.put("ab", "2");
        byte[] bytes = FormatTest.encode(new BinaryFormat(), map);
        int second = BinaryFormat.Header.bytes(1) + 1 + 2 + 1 + 1;
        bytes[second + 2] = 'a'; // "ab" becomes "aa"
        assertTrue(assertThrows(FormatException.class, () -> new BinaryFormat().decode(bytes, "d"))
                .getMessage().contains("duplicate key"));
    }

    @Test
    void writesEntriesInTheReadersBucketOrder() throws IOException {
        Map<String, String> map = FormatTest.randomMap(6, 3_000);
        byte[] bytes = FormatTest.encode(new BinaryFormat(), map);
        Map<String, String> inFileOrder = new java.util.LinkedHashMap<>();
        BinaryFormat.Header header = BinaryFormat.readHeader(writeTemp(bytes));
        for (BinaryFormat.Block block : header.blocks()) {
            BinaryFormat.decodeBlock(bytes, (int) block.offset(), block, inFileOrder, "f");
        }
        Map<String, String> reader = new HashMap<>(Format.hashMapCapacity(map.size()));
        reader.putAll(map);
        assertEquals(List.copyOf(reader.keySet()), List.copyOf(inFileOrder.keySet()));
    }

    private Path writeTemp(byte[] bytes) throws IOException {
        Path f = dir.resolve("order.dict");
        Files.write(f, bytes);
        return f;
    }
}
