package org.trustwatch.streams.topology;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.incident.DetectionCodec;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalCodec;

/** Serdes of the internal records (repartition topics), built on their codecs. */
final class CodecSerde {

    private CodecSerde() {}

    static Serde<Signal> signals() {
        return of(SignalCodec::encode, SignalCodec::decode);
    }

    static Serde<Detection> detections() {
        return of(DetectionCodec::encode, DetectionCodec::decode);
    }

    private static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode.apply(value),
                (topic, bytes) -> bytes == null ? null : decode.apply(bytes));
    }
}
