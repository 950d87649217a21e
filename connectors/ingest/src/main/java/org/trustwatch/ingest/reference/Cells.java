package org.trustwatch.ingest.reference;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.trustwatch.ingest.csv.CsvTable;

/** Reading and checking single cells; each failure names the column and the value. */
final class Cells {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s;,]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@$-]{1,128}");

    private Cells() {}

    static String required(CsvTable.Row row, String column) throws BadRow {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new BadRow(column + " is empty");
        }
        return value;
    }

    static String optional(CsvTable.Row row, String column) {
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    /** An id as it appears in logs: no spaces or separators, compared in lower case. */
    static String id(CsvTable.Row row, String column) throws BadRow {
        String value = required(row, column);
        if (!ID.matcher(value).matches()) {
            throw new BadRow(column + " '" + clip(value) + "' may hold only letters, digits and . _ - @ $");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static List<String> list(CsvTable.Row row, String column) {
        return Arrays.stream(row.get(column).split(";"))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    static List<String> emails(CsvTable.Row row, String column) throws BadRow {
        List<String> emails =
                list(row, column).stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        for (String email : emails) {
            checkEmail(column, email);
        }
        return emails;
    }

    static String optionalEmail(CsvTable.Row row, String column) throws BadRow {
        String value = optional(row, column);
        if (value != null) {
            checkEmail(column, value.toLowerCase(Locale.ROOT));
            return value.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static void checkEmail(String column, String email) throws BadRow {
        if (!EMAIL.matcher(email).matches()) {
            throw new BadRow(column + " '" + clip(email) + "' is not an e-mail address");
        }
    }

    static boolean bool(CsvTable.Row row, String column) throws BadRow {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw new BadRow(column + " '" + clip(value) + "' must be true or false");
        };
    }

    static ZoneId zone(CsvTable.Row row, String column, ZoneId fallback) throws BadRow {
        String value = row.get(column);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new BadRow(column + " '" + clip(value) + "' is not an IANA time zone such as Europe/London");
        }
    }

    /** ISO 8601 with an offset, or without one in the given zone. */
    static Instant instant(CsvTable.Row row, String column, ZoneId zone) throws BadRow {
        String value = required(row, column);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return java.time.LocalDate.parse(value).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new BadRow(column + " '" + clip(value) + "' is not an ISO 8601 time, e.g. 2026-11-23T10:00");
                }
            }
        }
    }

    static <E extends Enum<E>> E symbol(Class<E> type, String column, String value) throws BadRow {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        throw new BadRow(column + " '" + clip(value) + "' must be one of "
                + Arrays.stream(type.getEnumConstants())
                        .map(Cells::display)
                        .filter(name -> !name.equalsIgnoreCase("unknown") && !name.equals("other"))
                        .toList());
    }

    /** How the CSV files write a symbol: lower-case ones with hyphens (usb-storage), categories as they are. */
    private static String display(Enum<?> constant) {
        String name = constant.name();
        return name.equals(name.toLowerCase(Locale.ROOT)) ? name.replace('_', '-') : name;
    }

    static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
