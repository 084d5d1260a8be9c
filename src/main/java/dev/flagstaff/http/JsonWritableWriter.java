package dev.flagstaff.http;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serialises every {@link JsonWritable} response as compact UTF-8 JSON. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonWritableWriter implements MessageBodyWriter<JsonWritable> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonWritable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonWritable value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream stream) {
        // Not closed: the container owns the entity stream.
        JsonGenerator generator = GENERATORS.createGenerator(stream, StandardCharsets.UTF_8);
        JsonOut.writeDocument(generator, value);
        generator.flush();
    }
}
