package org.trustwatch.ingest.category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.trustwatch.ingest.Problems;

/**
 * Loads the domain to web category lists of reference-data.md ("web categories"):
 *
 * <ul>
 *   <li>{@code categories.csv}: UTF-8 CSV (RFC 4180) with a header naming the columns {@code domain} and
 *       {@code category} (any order, other columns ignored). A category is a canonical name or any name that
 *       {@link FilterCategoryNames} maps (e.g. {@code Pornography}, {@code porn}). A domain may be written
 *       {@code *.example.org} or {@code .example.org}; it always covers its subdomains. A domain listed twice with
 *       different categories keeps the first; the second row is reported.
 *   <li>a block-list directory in the layout UT1 and Shalla use: {@code <category>/domains}, one domain a line,
 *       {@code #} comments and blank lines skipped, nested categories ({@code hobby/games-online/domains})
 *       allowed, {@code domains.gz} read when there is no plain {@code domains}. Directory names are mapped by
 *       {@link ListCategoryNames}; known names without a category are skipped, unknown names reported and skipped.
 *       A domain in several directories keeps its most serious category (UT1's lists overlap by design).
 * </ul>
 *
 * <p>Problems never stop loading: each bad row is reported as {@code file:row: reason} to the {@link
 * Problems} and skipped; an unreadable file is reported as {@code file: reason}. At most
 * {@value #MAX_ERRORS_PER_FILE} bad rows are reported per file, then a count of the rest.
 */
public final class WebCategoryLists {

    static final int MAX_ERRORS_PER_FILE = 20;
    private static final int MAX_DEPTH = 4;

    private WebCategoryLists() {}

    /** A {@code categories.csv} file or a block-list directory, whichever the path is. */
    public static DomainCategories load(Path csvOrDirectory, Problems errors) {
        if (Files.isDirectory(csvOrDirectory)) {
            return loadDirectory(csvOrDirectory, errors);
        }
        return loadCsv(csvOrDirectory, errors);
    }

    public static DomainCategories loadCsv(Path file, Problems errors) {
        DomainTable table = new DomainTable();
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            readCsv(new CsvReader(reader), name, table, new FileErrors(name, errors));
        } catch (IOException e) {
            errors.report(name, 0, "cannot read: " + describe(e));
        }
        table.trim();
        return new DomainCategories(table);
    }

    public static DomainCategories loadDirectory(Path directory, Problems errors) {
        DomainTable table = new DomainTable();
        List<Path> lists;
        try (Stream<Path> paths = Files.walk(directory, MAX_DEPTH + 1)) {
            lists = paths.filter(WebCategoryLists::isDomainsFile).sorted().collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            errors.report(directory.toString(), 0, "cannot read the directory: " + describe(e));
            return new DomainCategories(table);
        }
        for (Path list : lists) {
            String fileName = list.getFileName().toString();
            if (fileName.equals("domains.gz") && Files.exists(list.resolveSibling("domains"))) {
                continue;
            }
            Path parent = directory.relativize(list.getParent());
            String categoryName = parent.toString().replace('\\', '/');
            CanonicalCategory category = categoryName.isEmpty() ? null : ListCategoryNames.categoryOf(categoryName);
            if (category == null) {
                if (!ListCategoryNames.isIgnored(categoryName)) {
                    errors.report(
                            list.toString(),
                            0,
                            "unknown block-list category '" + categoryName
                                    + "', skipped (see ListCategoryNames for the names Trustwatch maps)");
                }
                continue;
            }
            readDomainsFile(list, category, table, errors);
        }
        table.trim();
        return new DomainCategories(table);
    }

    private static boolean isDomainsFile(Path path) {
        Path name = path.getFileName();
        return name != null
                && (name.toString().equals("domains") || name.toString().equals("domains.gz"))
                && Files.isRegularFile(path);
    }

    private static void readDomainsFile(Path file, CanonicalCategory category, DomainTable table, Problems errors) {
        String name = file.toString();
        FileErrors fileErrors = new FileErrors(name, errors);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long row = 0;
            while ((line = reader.readLine()) != null) {
                row++;
                String entry = line.strip();
                if (row == 1 && !entry.isEmpty() && entry.charAt(0) == '\uFEFF') {
                    entry = entry.substring(1).strip();
                }
                if (entry.isEmpty() || entry.charAt(0) == '#') {
                    continue;
                }
                String domain;
                try {
                    domain = normaliseDomain(entry);
                } catch (IllegalArgumentException e) {
                    fileErrors.report(row, e.getMessage());
                    continue;
                }
                int previous = table.putIfAbsent(domain, category.ordinal());
                if (previous >= 0 && category.seriousness() < CanonicalCategory.values()[previous].seriousness()) {
                    table.replace(domain, category.ordinal());
                }
            }
        } catch (IOException e) {
            errors.report(name, 0, "cannot read: " + describe(e));
        }
        fileErrors.finish();
    }

    private static void readCsv(CsvReader csv, String name, DomainTable table, FileErrors errors) throws IOException {
        List<String> header = csv.next();
        if (header == null) {
            errors.report(1, "empty file: expected a header naming the columns domain and category");
            errors.finish();
            return;
        }
        int domainColumn = -1;
        int categoryColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (column.equals("domain") && domainColumn < 0) {
                domainColumn = i;
            } else if (column.equals("category") && categoryColumn < 0) {
                categoryColumn = i;
            }
        }
        if (domainColumn < 0 || categoryColumn < 0) {
            errors.report(
                    csv.recordLine(),
                    "the header must name the columns domain and category, found: "
                            + excerpt(String.join(",", header)));
            errors.finish();
            return;
        }
        List<String> record;
        while ((record = csv.next()) != null) {
            long row = csv.recordLine();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() <= Math.max(domainColumn, categoryColumn)) {
                errors.report(row, "has " + record.size() + " column(s), the header names " + header.size());
                continue;
            }
            String rawDomain = record.get(domainColumn);
            String rawCategory = record.get(categoryColumn).strip();
            String domain;
            try {
                domain = normaliseDomain(rawDomain);
            } catch (IllegalArgumentException e) {
                errors.report(row, e.getMessage());
                continue;
            }
            if (rawCategory.isEmpty()) {
                errors.report(row, "no category for " + excerpt(domain));
                continue;
            }
            CanonicalCategory category = FilterCategoryNames.categoryOf(rawCategory);
            if (category == null) {
                errors.report(
                        row,
                        "unknown category " + excerpt(rawCategory) + ": use one of "
                                + String.join(", ", CanonicalCategory.ids()));
                continue;
            }
            int previous = table.putIfAbsent(domain, category.ordinal());
            if (previous >= 0 && previous != category.ordinal()) {
                errors.report(
                        row,
                        excerpt(domain) + " is already listed as " + CanonicalCategory.values()[previous].id()
                                + ", this row (" + category.id() + ") is ignored");
            }
        }
        errors.finish();
    }

    /**
     * The list key of a domain as written in a list: lower case, ASCII (IDN names converted to punycode), without
     * a leading {@code *.} or {@code .} and a trailing dot.
     *
     * @throws IllegalArgumentException with a reason for a person when it is not a domain name
     */
    static String normaliseDomain(String raw) {
        String domain = raw.strip();
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("empty domain");
        }
        if (domain.contains("://") || domain.indexOf('/') >= 0) {
            throw new IllegalArgumentException(excerpt(domain) + " is a URL, not a domain: write just the host name");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.startsWith("*.")) {
            domain = domain.substring(2);
        }
        while (domain.startsWith(".")) {
            domain = domain.substring(1);
        }
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        boolean ascii = true;
        for (int i = 0; i < domain.length() && ascii; i++) {
            ascii = domain.charAt(i) < 128;
        }
        if (!ascii) {
            try {
                domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(excerpt(raw.strip()) + " is not a valid international domain name");
            }
        }
        if (domain.isEmpty() || domain.length() > 253 || !validHostCharacters(domain)) {
            throw new IllegalArgumentException(excerpt(raw.strip()) + " is not a domain name");
        }
        return domain;
    }

    private static boolean validHostCharacters(String domain) {
        char previous = '.';
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok || (c == '.' && previous == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** A value quoted for a report, at most 60 characters, control characters replaced. */
    static String excerpt(String value) {
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(value.length(), 60);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        if (value.length() > limit) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + excerpt(message));
    }

    /** Caps the rows reported for one file. */
    private static final class FileErrors {
        private final String file;
        private final Problems errors;
        private int count;

        FileErrors(String file, Problems errors) {
            this.file = file;
            this.errors = errors;
        }

        void report(long row, String reason) {
            count++;
            if (count <= MAX_ERRORS_PER_FILE) {
                errors.report(file, row, reason);
            }
        }

        void finish() {
            if (count > MAX_ERRORS_PER_FILE) {
                errors.report(file, 0, (count - MAX_ERRORS_PER_FILE) + " more bad rows not shown");
            }
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class CsvReader {
        private final Reader reader;
        private final char[] buffer = new char[1 << 14];
        private int position;
        private int limit;
        private long line = 1;
        private long recordLine;
        private boolean eof;

        CsvReader(Reader reader) {
            this.reader = reader;
        }

        /** The line number where the last record returned by {@link #next()} starts. */
        long recordLine() {
            return recordLine;
        }

        /** The next record, or null at the end of the input. */
        List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>(4);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (c < 0) {
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int after = peek();
                        if (after == '"') {
                            read();
                            field.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && peek() == '\n') {
                        read();
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                    fieldStart = false;
                }
                c = read();
            }
        }

        private int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++];
        }

        private int peek() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position];
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
    }
}
