package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A message as the simulated Discord stores it, with every revision the bot produced. */
final class SimMessage {

    private final ObjectNode json;
    private final List<ShownMessage> revisions = new ArrayList<>();
    private boolean deleted;

    SimMessage(ObjectNode json) {
        this.json = json;
        snapshot();
    }

    long id() {
        return json.path("id").asLong();
    }

    synchronized ObjectNode json() {
        return json.deepCopy();
    }

    synchronized void apply(JsonNode edit) {
        for (String field : List.of("content", "embeds", "components", "attachments")) {
            if (edit.has(field)) {
                JsonNode value = edit.get(field);
                json.set(field, value.isNull() ? (field.equals("content") ? json.textNode("") : json.arrayNode()) : value.deepCopy());
            }
        }
        json.put("flags", json.path("flags").asInt() & ~ShownMessage.LOADING);
        json.put("edited_timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        snapshot();
    }

    synchronized void delete() {
        deleted = true;
    }

    synchronized boolean deleted() {
        return deleted;
    }

    synchronized ShownMessage current() {
        return revisions.get(revisions.size() - 1);
    }

    synchronized List<ShownMessage> revisions() {
        return List.copyOf(revisions);
    }

    private void snapshot() {
        List<JsonNode> embeds = new ArrayList<>();
        json.path("embeds").forEach(e -> embeds.add(e.deepCopy()));
        JsonNode components = json.has("components") ? json.get("components").deepCopy() : json.arrayNode();
        if (!components.isArray()) {
            components = new ArrayNode(null);
        }
        revisions.add(new ShownMessage(id(), json.path("channel_id").asLong(), json.path("content").asText(""),
                List.copyOf(embeds), components, json.path("flags").asInt(), revisions.size(), json.deepCopy()));
    }
}
