package org.trustwatch.streams.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One setting: its key, its default from the incident catalogue, and how a value is read and checked. The reason a
 * value is refused is written for the person editing the file.
 */
public abstract sealed class Parameter<T>
        permits Parameter.Count, Parameter.Bytes, Parameter.Period, Parameter.Words, Parameter.TimeOfDay {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final String key;
    private final T defaultValue;
    private final String doc;

    Parameter(String key, T defaultValue, String doc) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.doc = doc;
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** The value, or a {@link BadValue} saying what is wrong with it. */
    abstract T read(JsonNode node) throws BadValue;

    /** How the default is written in a settings file. */
    abstract String write(T value);

    /** Why a value is refused. */
    static final class BadValue extends Exception {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    public static Parameter<Integer> count(String key, int defaultValue, int min, String doc) {
        return new Count(key, defaultValue, min, doc);
    }

    public static Parameter<Integer> severity(String key, int defaultValue, String doc) {
        return new Count(key, defaultValue, 1, 5, doc);
    }

    public static Parameter<Long> bytes(String key, long defaultValue, String doc) {
        return new Bytes(key, defaultValue, doc);
    }

    public static Parameter<Duration> duration(String key, Duration defaultValue, String doc) {
        return new Period(key, defaultValue, doc);
    }

    public static Parameter<List<String>> list(String key, List<String> defaultValue, String doc) {
        return new Words(key, defaultValue, List.of(), doc);
    }

    /** A list whose items must be among {@code allowed}. */
    public static Parameter<List<String>> choices(
            String key, List<String> defaultValue, List<String> allowed, String doc) {
        return new Words(key, defaultValue, allowed, doc);
    }

    public static Parameter<LocalTime> time(String key, LocalTime defaultValue, String doc) {
        return new TimeOfDay(key, defaultValue, doc);
    }

    static final class Count extends Parameter<Integer> {
        private final int min;
        private final int max;

        Count(String key, int defaultValue, int min, String doc) {
            this(key, defaultValue, min, Integer.MAX_VALUE, doc);
        }

        Count(String key, int defaultValue, int min, int max, String doc) {
            super(key, defaultValue, doc);
            this.min = min;
            this.max = max;
        }

        @Override
        Integer read(JsonNode node) throws BadValue {
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw new BadValue("must be a whole number, not " + node);
            }
            int value = node.intValue();
            if (value < min || value > max) {
                throw new BadValue(
                        "must be " + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
                                + ", not " + value);
            }
            return value;
        }

        @Override
        String write(Integer value) {
            return value.toString();
        }
    }

    static final class Bytes extends Parameter<Long> {
        Bytes(String key, long defaultValue, String doc) {
            super(key, defaultValue, doc);
        }

        @Override
        Long read(JsonNode node) throws BadValue {
            if (!node.isIntegralNumber() || node.longValue() < 1) {
                throw new BadValue("must be a number of bytes >= 1 (decimal: 5 MB = 5000000), not " + node);
            }
            return node.longValue();
        }

        @Override
        String write(Long value) {
            return value.toString();
        }
    }

    static final class Period extends Parameter<Duration> {
        Period(String key, Duration defaultValue, String doc) {
            super(key, defaultValue, doc);
        }

        /** ISO 8601 ({@code PT10M}, {@code P30D}) or the short forms people write: {@code 90s}, {@code 10m}, {@code 1h}, {@code 30d}. */
        @Override
        Duration read(JsonNode node) throws BadValue {
            String text = node.asText("").trim();
            try {
                Duration value = text.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(text) : shortForm(text);
                if (value.isNegative() || value.isZero()) {
                    throw new BadValue("must be longer than zero, not " + text);
                }
                return value;
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new BadValue("must be a duration such as 10m, 1h, 30d or PT10M, not " + node);
            }
        }

        private static Duration shortForm(String text) {
            if (text.length() < 2) {
                throw new NumberFormatException(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException(text);
            };
        }

        /** The short form, in the largest unit that divides it: 183d, 1h, 10m, 90s. */
        @Override
        String write(Duration value) {
            long seconds = value.toSeconds();
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3_600 == 0) {
                return seconds / 3_600 + "h";
            }
            return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
    }

    static final class TimeOfDay extends Parameter<LocalTime> {
        TimeOfDay(String key, LocalTime defaultValue, String doc) {
            super(key, defaultValue, doc);
        }

        @Override
        LocalTime read(JsonNode node) throws BadValue {
            try {
                return LocalTime.parse(node.asText("").trim());
            } catch (DateTimeParseException e) {
                throw new BadValue("must be a time of day such as 08:00, not " + node);
            }
        }

        @Override
        String write(LocalTime value) {
            return "\"" + value + "\"";
        }
    }

    static final class Words extends Parameter<List<String>> {
        private final List<String> allowed;

        Words(String key, List<String> defaultValue, List<String> allowed, String doc) {
            super(key, defaultValue, doc);
            this.allowed = allowed;
        }

        @Override
        List<String> read(JsonNode node) throws BadValue {
            if (!node.isArray()) {
                throw new BadValue("must be a list, e.g. [a, b], not " + node);
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.asText().isBlank()) {
                    throw new BadValue("must list non-empty words, not " + item);
                }
                String value = item.asText().trim();
                if (!allowed.isEmpty() && !allowed.contains(value)) {
                    throw new BadValue("'" + value + "' is not one of " + allowed);
                }
                values.add(value);
            }
            return List.copyOf(values);
        }

        /** Each item double-quoted (JSON style, which YAML reads), so "Recall:" or a backslash stays a word. */
        @Override
        String write(List<String> value) {
            try {
                return JSON.writeValueAsString(value).replace("\",\"", "\", \"");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a list of strings always has a JSON form", e);
            }
        }
    }
}
