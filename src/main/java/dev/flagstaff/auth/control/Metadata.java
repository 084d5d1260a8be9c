package dev.flagstaff.auth.control;

import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An authentication's metadata ({@code map<string,string>}) as the JSON text the table keeps. */
final class Metadata {

    private Metadata() {
    }

    static String format(Map<String, String> metadata) {
        JsonObjectBuilder builder = JsonP.PROVIDER.createObjectBuilder();
        metadata.forEach(builder::add);
        return builder.build().toString();
    }

    static Map<String, String> parse(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (e.getValue() instanceof JsonString s) {
                    out.put(e.getKey(), s.getString());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
