package org.pledgegraph.wikidata;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** Reading Wikidata's JSON with Jena's own parser; anything unexpected becomes a one-line {@link WikidataUnavailable}. */
final class WikidataJson {
    private WikidataJson() {}

    static JsonObject object(String body, String from) {
        JsonValue value;
        try {
            value = JSON.parseAny(body);
        } catch (JsonException | org.apache.jena.atlas.AtlasException e) {
            throw new WikidataUnavailable("Wikidata sent malformed JSON from " + from + ": " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // Jena's tokenizer fails on a truncated body with a NullPointerException rather than a JsonParseException.
            throw new WikidataUnavailable("Wikidata sent malformed JSON from " + from + ": body ends or breaks before "
                    + "the JSON is complete", e);
        }
        if (!value.isObject()) {
            throw new WikidataUnavailable("Wikidata sent JSON that is not an object from " + from);
        }
        JsonObject object = value.getAsObject();
        if (object.hasKey("error")) {
            JsonValue error = object.get("error");
            String info = error.isObject() ? string(error.getAsObject(), "info") : error.toString();
            throw new WikidataUnavailable("Wikidata reported an error for " + from + ": " + info);
        }
        return object;
    }

    static String string(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.isString() ? v.getAsString().value() : null;
    }

    static JsonObject obj(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.isObject() ? v.getAsObject() : null;
    }

    static List<JsonValue> array(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        List<JsonValue> items = new ArrayList<>();
        if (v != null && v.isArray()) {
            JsonArray a = v.getAsArray();
            a.forEach(items::add);
        }
        return items;
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }
}
