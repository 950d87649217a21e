package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reading helpers the three Windows JSON readers share. */
final class WindowsJson {

    private WindowsJson() {}

    /**
     * Reads an event data object (EventData, UserData, winlog.event_data / user_data) into the event, whatever its
     * nesting: named scalar members become named data (the leaf name counts: UserData's
     * {@code {"LogFileCleared": {"SubjectUserName": ..}}} gives SubjectUserName); unnamed values (evtx_dump's
     * {@code "Data": {"#text": [..]}} or {@code "Data": [..]}) become data strings; xmltodict-style
     * {@code {"@Name": "X", "#text": "v"}} items become named data. The parser is on the START_OBJECT.
     */
    static void readData(JsonParser p, WindowsEvent w) throws IOException {
        String name = null;
        String text = null;
        boolean attributeNamed = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                if (key.equals("#attributes")) {
                    // {"#attributes": {"Name": "X"}, "#text": "v"}
                    JsonToken a;
                    while ((a = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String attr = p.currentName();
                        JsonToken av = p.nextToken();
                        if (attr.equals("Name")) {
                            name = JsonSupport.scalar(p, av);
                            attributeNamed = true;
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    readData(p, w);
                }
            } else if (v == JsonToken.START_ARRAY) {
                if (key.equals("Data") || key.equals("#text")) {
                    readDataArray(p, w);
                } else {
                    p.skipChildren();
                }
            } else if (key.equals("#text")) {
                text = JsonSupport.scalar(p, v);
            } else if (key.equals("@Name")) {
                name = JsonSupport.scalar(p, v);
                attributeNamed = true;
            } else if (key.equals("Data")) {
                // a single unnamed value
                addString(w, JsonSupport.scalar(p, v));
            } else if (WindowsEventMapper.DATA_NAMES.contains(key)) {
                w.data.put(key, JsonSupport.scalar(p, v));
            } else if (v != JsonToken.VALUE_NULL) {
                // a value the mapping does not read: skip without building its text
                p.skipChildren();
            }
        }
        if (attributeNamed && name != null) {
            w.putData(name, text);
        } else {
            addString(w, text);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("malformed object");
        }
    }

    /** An array of unnamed values, or of {"@Name"/"#attributes", "#text"} items. Parser is on START_ARRAY. */
    private static void readDataArray(JsonParser p, WindowsEvent w) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) {
                readData(p, w);
            } else if (t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else {
                addString(w, JsonSupport.scalar(p, t));
            }
        }
    }

    /** Unnamed data strings kept per event: MsiInstaller needs the first four. */
    private static final int MAX_STRINGS = 16;

    private static void addString(WindowsEvent w, String s) {
        if (s != null && w.dataStrings.size() < MAX_STRINGS) {
            w.dataStrings.add(s);
        }
    }
}
