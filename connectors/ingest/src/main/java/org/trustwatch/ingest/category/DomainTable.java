package org.trustwatch.ingest.category;

import java.util.Arrays;

/**
 * An open-addressing hash table from ASCII domain names to a small value (a category ordinal), compact enough for
 * the millions of entries of a full UT1 list: the names live as bytes in one array (one length byte, then the
 * name), so an entry costs about its length plus 13 bytes instead of the ~100 bytes of a {@code HashMap<String,
 * String>} entry. Lookups take any character range of a string, case-folded on the fly, so walking the suffixes
 * of a host allocates nothing. Not thread-safe while being filled; safe to read from many threads afterwards.
 */
final class DomainTable {

    static final int MAX_KEY_LENGTH = 255;

    private byte[] names = new byte[1 << 12];
    private int namesUsed;
    private int[] offsets = new int[64];
    private int[] hashes = new int[64];
    private byte[] values = new byte[64];
    private int size;
    /** entry index + 1; 0 = empty. */
    private int[] slots = new int[128];

    int size() {
        return size;
    }

    /**
     * Stores {@code value} for {@code key} (ASCII, lower case, at most 255 characters) unless the key is present.
     *
     * @return the value already stored for the key, or -1 when the key was added
     */
    int putIfAbsent(String key, int value) {
        int length = key.length();
        if (length == 0 || length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("domain length " + length);
        }
        int hash = hash(key, 0, length);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                add(slot, key, hash, value);
                return -1;
            }
            if (hashes[entry] == hash && matches(entry, key, 0, length)) {
                return values[entry];
            }
        }
    }

    /** Replaces the value of a key that is present. */
    void replace(String key, int value) {
        int entry = find(key, 0, key.length());
        if (entry >= 0) {
            values[entry] = (byte) value;
        }
    }

    /** The value of the characters {@code from..to} of {@code text} (ASCII case ignored), or -1. */
    int get(CharSequence text, int from, int to) {
        int entry = find(text, from, to);
        return entry < 0 ? -1 : values[entry];
    }

    private int find(CharSequence text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_KEY_LENGTH) {
            return -1;
        }
        int hash = hash(text, from, to);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && matches(entry, text, from, to)) {
                return entry;
            }
        }
    }

    private boolean matches(int entry, CharSequence text, int from, int to) {
        int offset = offsets[entry];
        int length = names[offset] & 0xFF;
        if (length != to - from) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (names[offset + 1 + i] != lower(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private void add(int slot, String key, int hash, int value) {
        int length = key.length();
        if (namesUsed + length + 1 > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, namesUsed + length + 1));
        }
        if (size == offsets.length) {
            int capacity = size * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        int offset = namesUsed;
        names[offset] = (byte) length;
        for (int i = 0; i < length; i++) {
            names[offset + 1 + i] = (byte) key.charAt(i);
        }
        namesUsed += length + 1;
        offsets[size] = offset;
        hashes[size] = hash;
        values[size] = (byte) value;
        slots[slot] = size + 1;
        size++;
        if (size * 4 > slots.length * 3) {
            rehash(slots.length * 2);
        }
    }

    private void rehash(int capacity) {
        int[] fresh = new int[capacity];
        int mask = capacity - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (fresh[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            fresh[slot] = entry + 1;
        }
        slots = fresh;
    }

    /** Frees the spare capacity once filling is done. */
    void trim() {
        names = Arrays.copyOf(names, namesUsed);
        offsets = Arrays.copyOf(offsets, size);
        hashes = Arrays.copyOf(hashes, size);
        values = Arrays.copyOf(values, size);
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int hash(CharSequence text, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ lower(text.charAt(i))) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
