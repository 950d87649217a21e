package org.trustwatch.schema.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** A schema by id through the registry's Confluent-compatible API ({@code GET /schemas/ids/{id}}). */
public final class RegistrySchemaLookup implements IntFunction<Schema> {

    static final String CCOMPAT_API_PATH = "/apis/ccompat/v7";

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public RegistrySchemaLookup(String registryBaseUrl) {
        this.baseUrl = registryBaseUrl.strip().replaceAll("/+$", "") + CCOMPAT_API_PATH;
    }

    @Override
    public Schema apply(int id) {
        URI uri = URI.create(baseUrl + "/schemas/ids/" + id);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SerializationException("schema registry answered " + response.statusCode() + " for " + uri
                        + ": the record names a schema id the registry does not have (another registry?)");
            }
            JsonNode schema = json.readTree(response.body()).get("schema");
            if (schema == null) {
                throw new SerializationException(uri + " returned no schema");
            }
            return new Schema.Parser().parse(schema.asText());
        } catch (IOException e) {
            throw new SerializationException("cannot reach the schema registry at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while fetching " + uri, e);
        }
    }
}
