package org.trustwatch.streams.context;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * When one device was reported lost or stolen and when it was recovered, so that a web request from it can be judged
 * as of the request's own time. Kept by the address-keyed stage, which sees no MDM events itself.
 */
public final class LostDevices {

    private record Change(long at, boolean lost) {}

    private final List<Change> changes = new ArrayList<>();

    public void record(long at, boolean lost) {
        int i = changes.size();
        while (i > 0 && changes.get(i - 1).at() > at) {
            i--;
        }
        changes.add(i, new Change(at, lost));
    }

    /** Whether the latest change at or before {@code at} was a loss. */
    public boolean lostAt(long at) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).at() <= at) {
                return changes.get(i).lost();
            }
        }
        return false;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(changes.size() * 9);
        for (Change c : changes) {
            b.putLong(c.at());
            b.put((byte) (c.lost() ? 1 : 0));
        }
        return b.array();
    }

    public static LostDevices decode(byte[] bytes) {
        LostDevices d = new LostDevices();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.remaining() >= 9) {
            d.record(b.getLong(), b.get() == 1);
        }
        return d;
    }
}
