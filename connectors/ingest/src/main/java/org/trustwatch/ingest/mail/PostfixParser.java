package org.trustwatch.ingest.mail;

import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/** PLACEHOLDER: being written; replace this whole file. */
public final class PostfixParser implements LogParser {

    public PostfixParser(ParseContext context) {}

    @Override
    public void parse(RawLine line, ParseSink sink) {
        sink.reject(line, "this format is not implemented yet");
    }
}
