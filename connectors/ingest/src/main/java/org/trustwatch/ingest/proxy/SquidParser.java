package org.trustwatch.ingest.proxy;

import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/** PLACEHOLDER: being written; replace this whole file. */
public final class SquidParser implements LogParser {

    public SquidParser(ParseContext context) {}

    @Override
    public void parse(RawLine line, ParseSink sink) {
        sink.reject(line, "this format is not implemented yet");
    }
}
