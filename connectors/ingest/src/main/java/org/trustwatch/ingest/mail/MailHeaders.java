package org.trustwatch.ingest.mail;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the values of mail headers as mail logs show them: RFC 2047 encoded words, address lists (RFC 5322
 * mailboxes, display names, groups, comments) and sensitivity markings. Hand-written scanners, linear in the
 * input, that never throw.
 */
final class MailHeaders {

    /** Longest header value kept (Postfix logs at most 200 characters of a header anyway). */
    static final int VALUE_MAX = 1000;
    /** Most addresses kept from one header. */
    static final int ADDRESSES_MAX = 1000;

    private MailHeaders() {}

    /** The text with RFC 2047 encoded words ({@code =?utf-8?Q?...?=}, {@code =?utf-8?B?...?=}) decoded. */
    static String decodeWords(String s) {
        if (s == null) {
            return null;
        }
        int first = s.indexOf("=?");
        if (first < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int pos = 0;
        boolean lastEncoded = false;
        int start = first;
        while (start >= 0) {
            int end = -1;
            String decoded = null;
            int charsetEnd = -1;
            for (int k = start + 2; k < n && k - start < 66; k++) {
                char c = s.charAt(k);
                if (c == '?') {
                    charsetEnd = k;
                    break;
                }
                if (c <= ' ') {
                    break;
                }
            }
            if (charsetEnd > start + 2 && charsetEnd + 2 < n && s.charAt(charsetEnd + 2) == '?') {
                char enc = s.charAt(charsetEnd + 1);
                int textStart = charsetEnd + 3;
                int k = textStart;
                while (k < n) {
                    char c = s.charAt(k);
                    if (c == '?' || c <= ' ') {
                        break;
                    }
                    k++;
                }
                if (k + 1 < n && s.charAt(k) == '?' && s.charAt(k + 1) == '=') {
                    end = k + 2;
                    decoded = decodeWord(s.substring(start + 2, charsetEnd), enc, s, textStart, k);
                }
            }
            if (decoded == null) {
                int next = s.indexOf("=?", start + 2);
                out.append(s, pos, next < 0 ? n : next);
                pos = next < 0 ? n : next;
                lastEncoded = false;
                start = next;
                continue;
            }
            if (!(lastEncoded && foldGap(s, pos, start))) {
                out.append(s, pos, start);
            }
            out.append(decoded);
            lastEncoded = true;
            pos = end;
            start = s.indexOf("=?", pos);
        }
        if (pos < n) {
            out.append(s, pos, n);
        }
        return MailText.stripControls(out.toString());
    }

    /** White space (and the {@code ?} Postfix logs for a folded line break) between two encoded words. */
    private static boolean foldGap(String s, int from, int to) {
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
            } else if (c != '?') {
                return false;
            }
        }
        return space || from == to;
    }

    private static String decodeWord(String charsetName, char enc, String s, int from, int to) {
        int star = charsetName.indexOf('*');
        if (star >= 0) {
            charsetName = charsetName.substring(0, star);
        }
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (RuntimeException e) {
            return null;
        }
        byte[] bytes;
        if (enc == 'Q' || enc == 'q') {
            bytes = new byte[to - from];
            int len = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '_') {
                    bytes[len++] = ' ';
                } else if (c == '=') {
                    if (i + 2 >= to) {
                        return null;
                    }
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    bytes[len++] = (byte) (hi * 16 + lo);
                    i += 2;
                } else if (c < 128) {
                    bytes[len++] = (byte) c;
                } else {
                    return null;
                }
            }
            return new String(bytes, 0, len, charset);
        } else if (enc == 'B' || enc == 'b') {
            try {
                bytes = Base64.getDecoder().decode(s.substring(from, to));
            } catch (IllegalArgumentException e) {
                return null;
            }
            return new String(bytes, charset);
        }
        return null;
    }

    /**
     * The addresses of an address-list header value ({@code To}, {@code Cc}), lower case, in order, without
     * duplicates. When {@code truncated} (the log cut the header short), a last element that does not end in
     * {@code >}, {@code ,} or {@code ;} is dropped: a cut-off address would look like a different domain.
     */
    static List<String> addressList(String value, boolean truncated) {
        List<String> out = new ArrayList<>(4);
        if (value == null) {
            return out;
        }
        int n = value.length();
        boolean inQuote = false;
        int comment = 0;
        boolean inAngle = false;
        int elementStart = 0;
        boolean sawAtOrAngle = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? value.charAt(i) : ',';
            if (i < n) {
                if (inQuote) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inQuote = false;
                    }
                    continue;
                }
                if (comment > 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '(') {
                        comment++;
                    } else if (c == ')') {
                        comment--;
                    }
                    continue;
                }
                if (inAngle) {
                    if (c == '>') {
                        inAngle = false;
                    }
                    continue;
                }
                if (c == '"') {
                    inQuote = true;
                    continue;
                }
                if (c == '(') {
                    comment = 1;
                    continue;
                }
                if (c == '<') {
                    inAngle = true;
                    sawAtOrAngle = true;
                    continue;
                }
                if (c == '@') {
                    sawAtOrAngle = true;
                    continue;
                }
                if (c == ':' && !sawAtOrAngle) {
                    elementStart = i + 1; // group "Name: a@b, c@d;"
                    continue;
                }
            }
            if (c == ',' || c == ';') {
                boolean last = i >= n;
                if (last && truncated && !endsComplete(value)) {
                    break;
                }
                if (elementStart < Math.min(i, n)) {
                    String address = mailboxAddress(value.substring(elementStart, Math.min(i, n)));
                    if (address != null && !out.contains(address)) {
                        out.add(address);
                        if (out.size() >= ADDRESSES_MAX) {
                            break;
                        }
                    }
                }
                elementStart = i + 1;
                sawAtOrAngle = false;
            }
        }
        return out;
    }

    private static boolean endsComplete(String value) {
        String t = value.stripTrailing();
        if (t.isEmpty()) {
            return true;
        }
        char c = t.charAt(t.length() - 1);
        return c == '>' || c == ',' || c == ';';
    }

    /** The address of one mailbox ({@code "Name" <a@b>}, {@code a@b (Name)}, {@code a@b}), or null. */
    static String mailboxAddress(String mailbox) {
        String[] parts = mailbox(mailbox);
        return parts == null ? null : parts[0];
    }

    /** {address, display name or null} of one mailbox, or null when it holds no address. */
    static String[] mailbox(String mailbox) {
        if (mailbox == null) {
            return null;
        }
        int n = mailbox.length();
        boolean inQuote = false;
        int angleOpen = -1;
        int angleClose = -1;
        StringBuilder bare = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = mailbox.charAt(i);
            if (inQuote) {
                if (c == '\\' && i + 1 < n) {
                    i++;
                } else if (c == '"') {
                    inQuote = false;
                }
                continue;
            }
            if (depth > 0) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        continue;
                    }
                }
                comment.append(c);
                continue;
            }
            if (c == '"') {
                inQuote = true;
            } else if (c == '(') {
                depth = 1;
            } else if (c == '<' && angleOpen < 0) {
                angleOpen = i;
            } else if (c == '>' && angleOpen >= 0 && angleClose < 0) {
                angleClose = i;
            } else if (angleOpen < 0) {
                bare.append(c);
            }
        }
        String address;
        String name = null;
        if (angleOpen >= 0) {
            address = mailbox.substring(angleOpen + 1, angleClose > angleOpen ? angleClose : n);
            name = displayName(mailbox.substring(0, angleOpen));
        } else {
            address = bare.toString();
            String c = comment.toString().trim();
            name = c.isEmpty() ? null : decodeWords(c);
        }
        address = address.trim();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.length() > 320) {
            return null;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',') {
                return null;
            }
        }
        return new String[] {address.toLowerCase(Locale.ROOT), name};
    }

    private static String displayName(String raw) {
        String t = raw.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 1; i < t.length() - 1; i++) {
                char c = t.charAt(i);
                if (c == '\\' && i + 1 < t.length() - 1) {
                    c = t.charAt(++i);
                }
                b.append(c);
            }
            t = b.toString();
        }
        t = decodeWords(t).trim();
        return t.isEmpty() ? null : MailText.clip(t, 256);
    }

    /**
     * The label of an {@code msip_labels} header (Microsoft Purview / AIP): the {@code _Name=} of the first label,
     * or {@code MSIP_Label_<guid>} when the log cut the header before the name (Postfix logs 200 characters).
     */
    static String msipLabel(String value) {
        int name = value.indexOf("_Name=");
        if (name >= 0) {
            int end = value.indexOf(';', name);
            String label =
                    value.substring(name + 6, end < 0 ? value.length() : end).trim();
            if (!label.isEmpty()) {
                return MailText.clip(label, 200);
            }
        }
        int label = value.indexOf("MSIP_Label_");
        if (label >= 0) {
            int start = label + "MSIP_Label_".length();
            int end = start;
            while (end < value.length() && value.charAt(end) != '_' && value.charAt(end) != ';') {
                end++;
            }
            if (end > start) {
                return MailText.clip("MSIP_Label_" + value.substring(start, end), 200);
            }
        }
        String t = value.trim();
        return t.isEmpty() ? null : MailText.clip(t, 200);
    }

    /** The {@code SEC=} value of a UK government {@code X-Protective-Marking} header, else the whole value. */
    static String protectiveMarking(String value) {
        int i = value.indexOf("SEC=");
        if (i >= 0) {
            int end = i + 4;
            while (end < value.length() && value.charAt(end) != ',' && value.charAt(end) != ';') {
                end++;
            }
            String sec = value.substring(i + 4, end).trim();
            if (!sec.isEmpty()) {
                return MailText.clip(sec, 200);
            }
        }
        String t = value.trim();
        return t.isEmpty() ? null : MailText.clip(t, 200);
    }
}
