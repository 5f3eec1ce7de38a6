package org.pledgegraph.wikidata;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** The two calls of Wikidata's action API that linking needs: {@code wbsearchentities} and {@code wbgetentities}. */
public final class WikidataApi {
    /** wbgetentities accepts at most 50 ids a request. */
    static final int IDS_PER_REQUEST = 50;

    private final WikidataEndpoints endpoints;
    private final PoliteHttp http;

    public WikidataApi(WikidataEndpoints endpoints) {
        this.endpoints = endpoints;
        this.http = new PoliteHttp(endpoints);
    }

    public URI searchUri(String text, int limit) {
        return query("action=wbsearchentities&search=" + enc(text) + "&language=en&uselang=en&type=item&limit="
                + limit + "&format=json");
    }

    public List<SearchHit> search(String text, int limit) {
        return search(text, limit, new ArrayList<>());
    }

    /** As {@link #search(String, int)}, adding the URL it requested to {@code requested} once answered. */
    public List<SearchHit> search(String text, int limit, List<String> requested) {
        URI uri = searchUri(text, limit);
        JsonObject answer = get(uri, requested);
        List<SearchHit> hits = new ArrayList<>();
        for (JsonValue v : WikidataJson.array(answer, "search")) {
            if (!v.isObject()) continue;
            JsonObject hit = v.getAsObject();
            JsonObject match = WikidataJson.obj(hit, "match");
            String id = WikidataJson.string(hit, "id");
            if (id == null) {
                throw new WikidataUnavailable("Wikidata search result without an id from " + uri);
            }
            hits.add(new SearchHit(id, WikidataJson.string(hit, "label"), WikidataJson.string(hit, "description"),
                    WikidataJson.string(match, "type"), WikidataJson.string(match, "text")));
        }
        return hits;
    }

    public URI entitiesUri(Collection<String> ids, Collection<String> languages) {
        return query("action=wbgetentities&ids=" + enc(String.join("|", ids))
                + "&props=" + enc("labels|descriptions|claims") + "&languages=" + enc(String.join("|", languages))
                + "&format=json");
    }

    /** The items with these ids, in the order asked; ids Wikidata does not know are left out. */
    public Map<String, WikidataItem> entities(Collection<String> ids, Collection<String> languages) {
        return entities(ids, languages, new ArrayList<>());
    }

    /**
     * As {@link #entities(Collection, Collection)}, adding each URL it requested (one per batch of
     * {@value #IDS_PER_REQUEST} ids) to {@code requested} once answered.
     */
    public Map<String, WikidataItem> entities(Collection<String> ids, Collection<String> languages,
            List<String> requested) {
        Map<String, WikidataItem> items = new LinkedHashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_REQUEST) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + IDS_PER_REQUEST));
            URI uri = entitiesUri(batch, languages);
            JsonObject answer = get(uri, requested);
            JsonObject entities = WikidataJson.obj(answer, "entities");
            if (entities == null) {
                throw new WikidataUnavailable("Wikidata answer without 'entities' from " + uri);
            }
            for (String id : batch) {
                JsonObject entity = WikidataJson.obj(entities, id);
                if (entity == null || entity.hasKey("missing")) continue;
                items.put(id, item(id, entity));
            }
        }
        return items;
    }

    private static WikidataItem item(String id, JsonObject entity) {
        return new WikidataItem(id, texts(WikidataJson.obj(entity, "labels")),
                texts(WikidataJson.obj(entity, "descriptions")), claims(WikidataJson.obj(entity, "claims")));
    }

    private static Map<String, String> texts(JsonObject byLanguage) {
        Map<String, String> texts = new TreeMap<>();
        if (byLanguage != null) {
            for (String lang : byLanguage.keys()) {
                String value = WikidataJson.string(WikidataJson.obj(byLanguage, lang), "value");
                if (value != null) texts.put(lang, value);
            }
        }
        return texts;
    }

    private static Map<String, List<WikidataStatement>> claims(JsonObject claims) {
        Map<String, List<WikidataStatement>> byProperty = new TreeMap<>();
        if (claims == null) return byProperty;
        for (String property : claims.keys()) {
            List<WikidataStatement> statements = new ArrayList<>();
            for (JsonValue v : WikidataJson.array(claims, property)) {
                if (!v.isObject()) continue;
                JsonObject st = v.getAsObject();
                if ("deprecated".equals(WikidataJson.string(st, "rank"))) continue;
                JsonObject qualifiers = WikidataJson.obj(st, "qualifiers");
                statements.add(new WikidataStatement(WikidataJson.string(st, "id"),
                        itemValue(WikidataJson.obj(st, "mainsnak")), WikidataJson.string(st, "rank"),
                        time(qualifiers, "P580"), time(qualifiers, "P582")));
            }
            byProperty.put(property, statements);
        }
        return byProperty;
    }

    private static String itemValue(JsonObject snak) {
        if (snak == null || !"value".equals(WikidataJson.string(snak, "snaktype"))) return null;
        JsonObject value = WikidataJson.obj(WikidataJson.obj(snak, "datavalue"), "value");
        return WikidataJson.string(value, "id");
    }

    /** A time qualifier's value as Wikidata writes it (month and year precision end in -00), or null. */
    private static String time(JsonObject qualifiers, String property) {
        for (JsonValue v : WikidataJson.array(qualifiers, property)) {
            if (!v.isObject()) continue;
            JsonObject value = WikidataJson.obj(WikidataJson.obj(v.getAsObject(), "datavalue"), "value");
            String time = WikidataJson.string(value, "time");
            if (time != null) return time;
        }
        return null;
    }

    /** The JSON answer to {@code uri}; the URL is recorded as evidence only once Wikidata has answered it. */
    private JsonObject get(URI uri, List<String> requested) {
        JsonObject answer = WikidataJson.object(http.get(uri, "application/json"), uri.toString());
        requested.add(uri.toString());
        return answer;
    }

    private URI query(String parameters) {
        String base = endpoints.api().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + parameters);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
