package dictbench.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python pickle of one {@code dict} of {@code str} to {@code str}, the asker's own files: what CPython's
 * {@code pickle.dump(d, f)} writes at protocols 2 to 5. The reader is a decoder of its own, not an unpickler: it
 * knows the opcodes such a pickle is made of (the protocol, frames, an empty dict, marks, the three string opcodes,
 * the memo's puts and gets, {@code SETITEM(S)} and {@code STOP}) and refuses every other one where it stands,
 * naming the opcode and its byte offset, before building anything. A pickle is a program; this reads only the
 * programs that build a dict of strings, so no global is ever looked up and no object but strings and one map
 * is ever made.
 *
 * <p>The writer writes what CPython's pickler writes at protocol 4 (its default from 3.8 to 3.13) for such a dict:
 * {@code PROTO 4}, then frames of about {@value #FRAME_TARGET} bytes ({@code FRAME} and an 8-byte length, a frame of
 * fewer than 4 bytes without one, as {@code pickle.py}'s framer does) holding {@code EMPTY_DICT, MEMOIZE}, batches of
 * up to {@value #BATCH} pairs as {@code MARK, (SHORT_)BINUNICODE MEMOIZE ..., SETITEMS} (one pair as {@code SETITEM}),
 * and {@code STOP}: byte for byte what CPython 3.11 writes for a dict of distinct strings. So CPython reads the files dictbench generates at its own speed, and both languages load the same bytes.
 */
public final class PickleFormat implements Format {
    public static final String NAME = "pickle";
    /** CPython's pickler writes SETITEMS in batches of this many pairs. */
    static final int BATCH = 1000;
    /** CPython's framer commits a frame before the next object once the frame holds this many bytes. */
    static final int FRAME_TARGET = 64 * 1024;
    /** A frame shorter than this is written without its FRAME opcode. */
    static final int FRAME_MIN = 4;

    static final int PROTO = 0x80;
    static final int FRAME = 0x95;
    static final int EMPTY_DICT = '}';
    static final int MARK = '(';
    static final int SHORT_BINUNICODE = 0x8c;
    static final int BINUNICODE = 'X';
    static final int BINUNICODE8 = 0x8d;
    static final int MEMOIZE = 0x94;
    static final int BINPUT = 'q';
    static final int LONG_BINPUT = 'r';
    static final int BINGET = 'h';
    static final int LONG_BINGET = 'j';
    static final int SETITEM = 's';
    static final int SETITEMS = 'u';
    static final int STOP = '.';

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String extension() {
        return "pickle";
    }

    @Override
    public long estimateBytes(long entries, double meanKeyChars, double meanValueChars) {
        // each string: opcode, length, MEMOIZE; UTF-8 takes at most 3 bytes per UTF-16 char
        return (long) Math.ceil(entries * (3 * (meanKeyChars + meanValueChars) + 2 * 7 + 2.0 / BATCH)) + 1024;
    }

    @Override
    public void write(Map<String, String> map, OutputStream out) throws IOException {
        Framer o = new Framer(out);
        o.out.write(new byte[] {(byte) PROTO, 4});
        o.frame.write(EMPTY_DICT);
        o.frame.write(MEMOIZE);
        // _pickle.c's batch_dict_exact: one pair as SETITEM; otherwise MARK, up to BATCH pairs, SETITEMS, again while
        // a batch was full (so a multiple of BATCH ends with an empty MARK SETITEMS)
        var entries = map.entrySet().iterator();
        if (map.size() == 1) {
            var e = entries.next();
            o.string(e.getKey());
            o.string(e.getValue());
            o.frame.write(SETITEM);
        } else if (!map.isEmpty()) {
            int inBatch;
            do {
                o.frame.write(MARK);
                for (inBatch = 0; inBatch < BATCH && entries.hasNext(); inBatch++) {
                    var e = entries.next();
                    o.string(e.getKey());
                    o.string(e.getValue());
                }
                o.frame.write(SETITEMS);
            } while (inBatch == BATCH);
        }
        o.frame.write(STOP);
        o.commit();
        o.out.flush();
    }

    /** pickle.py's framer: opcodes gather in a frame, committed before an object once it reaches the target, and at the end. */
    private static final class Framer {
        final OutputStream out;
        final java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(FRAME_TARGET + 1024);

        Framer(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        void string(String s) throws IOException {
            if (frame.size() >= FRAME_TARGET) {
                commit();
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length < 256) {
                frame.write(SHORT_BINUNICODE);
                frame.write(utf8.length);
            } else {
                frame.write(BINUNICODE);
                littleEndian(frame, utf8.length, 4);
            }
            frame.write(utf8);
            frame.write(MEMOIZE);
        }

        void commit() throws IOException {
            if (frame.size() >= FRAME_MIN) {
                out.write(FRAME);
                littleEndian(out, frame.size(), 8);
            }
            frame.writeTo(out);
            frame.reset();
        }

        private static void littleEndian(OutputStream o, long value, int bytes) throws IOException {
            for (int i = 0; i < bytes; i++) {
                o.write((int) (value >>> (8 * i)));
            }
        }
    }

    @Override
    public Map<String, String> decode(byte[] bytes, String source) throws FormatException {
        return new Reader(bytes, source).read();
    }

    /** One pass over a pickle: a cursor, the memo (the dict is its first entry, strings after) and the pending strings. */
    private static final class Reader {
        private final byte[] b;
        private final String source;
        private int p;
        /** Memo entries: {@code null} for the dict itself, a String otherwise. */
        private final List<String> memo = new ArrayList<>();
        private boolean dictMemoized;
        /** Strings pushed since the last MARK (or since the dict, for SETITEM). */
        private final List<String> pending = new ArrayList<>(2 * BATCH);
        private boolean marked;
        /** Where the dict's content begins, once EMPTY_DICT was read; -1 before. */
        private int dictStart = -1;
        /**
         * The map, made at the first SETITEM(S), sized from it: a pickle does not say how many entries it holds, and a
         * HashMap grown from 16 one resize at a time took a fifth more time over a million entries.
         */
        private HashMap<String, String> map;
        /** The last object pushed: the dict (true) or a string (false), for what a memo put stores. */
        private boolean lastIsDict;

        Reader(byte[] bytes, String source) {
            this.b = bytes;
            this.source = source;
        }

        Map<String, String> read() throws FormatException {
            if (b.length < 2 || (b[0] & 0xff) != PROTO) {
                throw fail(0, "is not a pickle of protocol 2 or newer (it does not start with the PROTO opcode 0x80)");
            }
            int protocol = b[1] & 0xff;
            if (protocol < 2 || protocol > 5) {
                throw fail(1, "is a pickle of protocol " + protocol + "; this reader takes protocols 2 to 5");
            }
            p = 2;
            while (true) {
                int at = p;
                int op = next("an opcode");
                switch (op) {
                    case FRAME -> skip(8, "a frame length");
                    case EMPTY_DICT -> {
                        if (dictStart >= 0) {
                            throw fail(at, "has a second dict; a dictbench pickle holds one dict of str to str");
                        }
                        dictStart = p;
                        lastIsDict = true;
                    }
                    case MEMOIZE -> put(at, memo.size());
                    case BINPUT -> put(at, next("a memo index"));
                    case LONG_BINPUT -> put(at, int32(at));
                    case BINGET -> get(at, next("a memo index"));
                    case LONG_BINGET -> get(at, int32(at));
                    case MARK -> {
                        needDict(at, "MARK");
                        if (marked || !pending.isEmpty()) {
                            throw fail(at, "has a MARK inside another; a dict of str to str has one level of items");
                        }
                        marked = true;
                    }
                    case SHORT_BINUNICODE -> string(at, next("a string length"));
                    case BINUNICODE -> string(at, uint32(at));
                    case BINUNICODE8 -> string(at, int64(at));
                    case SETITEM -> {
                        if (marked || pending.size() != 2) {
                            throw fail(at, "has SETITEM without exactly one key and one value before it");
                        }
                        setItems(at);
                    }
                    case SETITEMS -> {
                        if (!marked || pending.size() % 2 != 0) {
                            throw fail(at, "has SETITEMS without a MARK and pairs of keys and values before it");
                        }
                        setItems(at);
                        marked = false;
                    }
                    case STOP -> {
                        if (dictStart < 0 || marked || !pending.isEmpty()) {
                            throw fail(at, "stops before its dict is complete");
                        }
                        if (p != b.length) {
                            throw fail(p, "has " + (b.length - p) + " bytes after its STOP opcode");
                        }
                        return map != null ? map : new HashMap<>();
                    }
                    default -> throw fail(at, "has opcode 0x" + Integer.toHexString(op) + " (" + printable(op)
                            + "), which builds something other than a dict of str to str; it was refused before it ran");
                }
            }
        }

        private void needDict(int at, String what) throws FormatException {
            if (dictStart < 0) {
                throw fail(at, "has " + what + " before its dict; a dictbench pickle holds one dict of str to str");
            }
        }

        private void string(int at, long length) throws FormatException {
            needDict(at, "a string");
            if (length > b.length - p) {
                throw fail(at, "is truncated: a string of " + length + " bytes, but " + (b.length - p) + " bytes are left");
            }
            int n = (int) length;
            String s = new String(b, p, n, StandardCharsets.UTF_8);
            // malformed UTF-8 decodes to U+FFFD; a Latin-1 string (every ASCII one) answers this at once
            if (s.indexOf('\uFFFD') >= 0) {
                checkUtf8(at, n);
            }
            pending.add(s);
            p += n;
            lastIsDict = false;
        }

        /** Refuses a string whose bytes are not UTF-8 (CPython writes lone surrogates with surrogatepass; a Java reader refuses them). */
        private void checkUtf8(int at, int n) throws FormatException {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, p, n));
            } catch (CharacterCodingException e) {
                throw fail(at, "has a string that is not well-formed UTF-8 (a lone surrogate, or bytes that are not text)");
            }
        }

        private void setItems(int at) throws FormatException {
            if (map == null) {
                // as many entries as the first batch's bytes say the whole dict holds
                long pairs = pending.size() / 2;
                long estimate = p > dictStart ? pairs * (b.length - dictStart) / (p - dictStart) : 0;
                map = new HashMap<>(Format.hashMapCapacity(Math.min(estimate, b.length / 6)));
            }
            for (int i = 0; i < pending.size(); i += 2) {
                if (map.put(pending.get(i), pending.get(i + 1)) != null) {
                    throw fail(at, "sets key '" + pending.get(i) + "' twice; a dict pickled by CPython holds each key once");
                }
            }
            pending.clear();
            lastIsDict = true;
        }

        private void put(int at, int index) throws FormatException {
            if (dictStart < 0) {
                throw fail(at, "memoizes before anything is built");
            }
            if (lastIsDict && dictMemoized || index != memo.size()) {
                throw fail(at, "memoizes to index " + index + " where " + memo.size() + " comes next; CPython numbers its memo in order");
            }
            memo.add(lastIsDict ? null : pending.getLast());
            dictMemoized |= lastIsDict;
        }

        private void get(int at, int index) throws FormatException {
            if (index < 0 || index >= memo.size() || memo.get(index) == null) {
                throw fail(at, "gets memo entry " + index + ", which is not a string this pickle memoized");
            }
            pending.add(memo.get(index));
            lastIsDict = false;
        }

        private int next(String what) throws FormatException {
            if (p >= b.length) {
                throw fail(p, "is truncated: it ends where " + what + " should be");
            }
            return b[p++] & 0xff;
        }

        private void skip(int n, String what) throws FormatException {
            if (n > b.length - p) {
                throw fail(p, "is truncated: it ends where " + what + " should be");
            }
            p += n;
        }

        private long uint32(int at) throws FormatException {
            skip(4, "a 4-byte length");
            return (b[p - 4] & 0xffL) | (b[p - 3] & 0xffL) << 8 | (b[p - 2] & 0xffL) << 16 | (b[p - 1] & 0xffL) << 24;
        }

        private int int32(int at) throws FormatException {
            long v = uint32(at);
            if (v > Integer.MAX_VALUE) {
                throw fail(at, "has a memo index of " + v);
            }
            return (int) v;
        }

        private long int64(int at) throws FormatException {
            long low = uint32(at);
            long high = uint32(at);
            if (high != 0) {
                throw fail(at, "has a string longer than 4 GB");
            }
            return low;
        }

        private FormatException fail(long offset, String problem) {
            return new FormatException(source, offset, problem);
        }

        private static String printable(int op) {
            return op >= 0x20 && op < 0x7f ? "'" + (char) op + "'" : "not a str-dict opcode";
        }
    }
}
