package org.trustwatch.ingest.csv;

import java.util.List;

/** Splits one CSV record (RFC 4180: comma separated, fields optionally in double quotes, {@code ""} for a quote). */
public final class CsvRecord {

    private CsvRecord() {}

    /**
     * Splits {@code s} into {@code out} (cleared first). Returns false when a quoted field is still open at the
     * end: the record continues on the next line (a line break inside quotes). Lenient where Excel is: text after
     * a closing quote is appended to the field, a quote inside an unquoted field is kept as it is.
     */
    public static boolean split(String s, List<String> out) {
        out.clear();
        int n = s.length();
        int i = 0;
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    return false;
                }
                while (i < n && s.charAt(i) != ',') {
                    field.append(s.charAt(i));
                    i++;
                }
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                field.append(s, i, end);
                i = end;
            }
            out.add(field.toString());
            if (i >= n) {
                return true;
            }
            i++; // the comma
        }
    }
}
