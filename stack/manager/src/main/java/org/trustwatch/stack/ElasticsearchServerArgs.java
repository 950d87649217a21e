package org.trustwatch.stack;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * The start-up arguments Elasticsearch 8 reads from stdin, in its own binary stream format. The unpublished
 * server-cli normally writes them; the stack writes them itself.
 *
 * <p>Layout: daemonize, quiet, optional pid file, secure settings (an empty, unprotected keystore), the node
 * settings as a string map, the config directory and the logs directory.
 */
final class ElasticsearchServerArgs {

    /** KeyStoreWrapper's format version in Elasticsearch 8. */
    private static final int KEYSTORE_FORMAT_VERSION = 6;

    private static final int GENERIC_STRING = 0;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] encode(String pidFile, Map<String, String> settings, String configDir, String logsDir) {
        ElasticsearchServerArgs args = new ElasticsearchServerArgs();
        args.bool(true); // daemonize: stop writing to stdout/stderr once ready
        args.bool(false); // quiet
        args.bool(true);
        args.string(pidFile);
        args.string("org.elasticsearch.common.settings.KeyStoreWrapper");
        args.int32(KEYSTORE_FORMAT_VERSION);
        args.bool(false); // no password
        args.bool(false); // no encrypted data
        args.vint(0); // no entries
        args.bool(false); // not closed
        args.vint(settings.size());
        settings.forEach((key, value) -> {
            args.string(key);
            args.out.write(GENERIC_STRING);
            args.string(value);
        });
        args.string(configDir);
        args.string(logsDir);
        return args.out.toByteArray();
    }

    private void bool(boolean value) {
        out.write(value ? 1 : 0);
    }

    private void int32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private void vint(int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** Elasticsearch strings: the number of UTF-16 chars, then each char as 1-3 bytes of modified UTF-8. */
    private void string(String value) {
        vint(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x7F) {
                out.write(c);
            } else if (c <= 0x7FF) {
                out.write(0xC0 | (c >> 6 & 0x1F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xE0 | (c >> 12 & 0x0F));
                out.write(0x80 | (c >> 6 & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
    }
}
