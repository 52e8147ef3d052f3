package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST endpoints of discord.com/api/v10 that Javacord calls, and the CDN for attachments. */
final class RestApi {

    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/(\\d+)/([^/]+)(?:/messages/(@original|\\d+))?");
    private static final Pattern GLOBAL_COMMANDS = Pattern.compile("/applications/(\\d+)/commands");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("/applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final String API = "/api/v10";

    private final DiscordSimulator sim;

    RestApi(DiscordSimulator sim) {
        this.sim = sim;
    }

    void serve(String host, int connection, InputStream in, OutputStream out) throws IOException {
        while (true) {
            HttpExchange.Request request = HttpExchange.readRequest(in);
            if (request == null) {
                return;
            }
            HttpExchange.Response response;
            try {
                response = host.equals("cdn.discordapp.com") ? cdn(request) : api(request);
            } catch (RuntimeException e) {
                sim.violations.add("simulator could not handle " + request.method() + " " + request.path() + ": " + e);
                response = HttpExchange.Response.json(500, "{\"message\":\"simulator error\",\"code\":0}");
            }
            sim.restLog.add(new RestRequest(connection, request.method(), request.path(),
                    String.valueOf(request.header("user-agent")), response.status()));
            long delay = sim.restLatencyMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            HttpExchange.write(out, response);
            if ("close".equalsIgnoreCase(request.header("connection"))) {
                return;
            }
        }
    }

    private HttpExchange.Response cdn(HttpExchange.Request request) {
        sim.requests.add(request.method() + " cdn " + request.path());
        byte[] file = sim.cdnFiles.get(request.path());
        if (!request.method().equals("GET") || file == null) {
            return new HttpExchange.Response(404, "text/plain", "Not Found".getBytes(), Map.of());
        }
        return new HttpExchange.Response(200, "application/octet-stream", file, Map.of());
    }

    private HttpExchange.Response api(HttpExchange.Request request) throws IOException {
        String path = request.path();
        String method = request.method();
        sim.requests.add(method + " " + path);
        if (!path.startsWith(API + "/")) {
            return unknown(request);
        }
        path = path.substring(API.length());
        Matcher m;
        if ((m = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            if (sim.callbacksToRateLimit.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // What Discord sends when a bucket is empty; nothing of the request was taken.
                return new HttpExchange.Response(429, "application/json",
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":0.05,\"global\":false}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Map.of("Retry-After", "1", "X-RateLimit-Limit", "1", "X-RateLimit-Remaining", "0",
                                "X-RateLimit-Reset-After", "0.05", "X-RateLimit-Scope", "user"));
            }
            return callback(Long.parseLong(m.group(1)), m.group(2), body(request));
        }
        if ((m = WEBHOOK.matcher(path)).matches()) {
            return webhook(request, Long.parseLong(m.group(1)), m.group(2), m.group(3));
        }
        if (path.equals("/gateway")) {
            return ok("{\"url\":\"wss://gateway.discord.gg\"}");
        }
        if (!authorised(request)) {
            return HttpExchange.Response.json(401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
        }
        if (path.equals("/gateway/bot")) {
            return ok("{\"url\":\"wss://gateway.discord.gg\",\"shards\":1,\"session_start_limit\":{\"total\":1000,"
                    + "\"remaining\":999,\"reset_after\":14400000,\"max_concurrency\":1}}");
        }
        if (path.equals("/oauth2/applications/@me") && method.equals("GET")) {
            return ok(applicationInfo().toString());
        }
        if (path.equals("/users/@me") && method.equals("GET")) {
            return ok(sim.userJson(sim.botUser()).toString());
        }
        if ((m = GUILD_COMMANDS.matcher(path)).matches() && Long.parseLong(m.group(1)) == sim.applicationId) {
            long guild = Long.parseLong(m.group(2));
            if (guild != sim.guildId) {
                return HttpExchange.Response.json(404, "{\"message\":\"Unknown Guild\",\"code\":10004}");
            }
            if (method.equals("GET")) {
                return ok(array(sim.guildCommands.getOrDefault(guild, List.of())).toString());
            }
            if (method.equals("PUT")) {
                return overwriteCommands(body(request), guild);
            }
        }
        if ((m = GLOBAL_COMMANDS.matcher(path)).matches() && Long.parseLong(m.group(1)) == sim.applicationId) {
            if (method.equals("GET")) {
                return ok(array(sim.globalCommands).toString());
            }
            if (method.equals("PUT")) {
                return overwriteCommands(body(request), 0);
            }
        }
        if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            if (Long.parseLong(m.group(1)) != sim.channelId) {
                return HttpExchange.Response.json(404, "{\"message\":\"Unknown Channel\",\"code\":10003}");
            }
            JsonNode body = body(request);
            FormErrors errors = new FormErrors();
            PayloadLimits.message(body, "", true, errors);
            if (!errors.isEmpty()) {
                return reject(request, errors);
            }
            SimMessage message = newMessage(body, body.path("flags").asInt() & ShownMessage.EPHEMERAL);
            sim.channelMessages.add(message);
            return ok(message.json().toString());
        }
        if ((m = CHANNEL_MESSAGE.matcher(path)).matches() && method.equals("PATCH")) {
            SimMessage message = sim.messages.get(Long.parseLong(m.group(2)));
            if (message == null || !sim.channelMessages.contains(message)
                    || message.json().path("author").path("id").asLong() != sim.applicationId) {
                return HttpExchange.Response.json(404, "{\"message\":\"Unknown Message\",\"code\":10008}");
            }
            JsonNode body = body(request);
            FormErrors errors = new FormErrors();
            PayloadLimits.message(body, "", false, errors);
            if (!errors.isEmpty()) {
                return reject(request, errors);
            }
            message.apply(body);
            return ok(message.json().toString());
        }
        return unknown(request);
    }

    private boolean authorised(HttpExchange.Request request) {
        return ("Bot " + sim.token).equals(request.header("authorization"));
    }

    private HttpExchange.Response unknown(HttpExchange.Request request) {
        sim.violations.add("bot called an endpoint the simulator does not know: " + request.method() + " " + request.path());
        return HttpExchange.Response.json(404, "{\"message\":\"404: Not Found\",\"code\":0}");
    }

    private HttpExchange.Response ok(String json) {
        return HttpExchange.Response.json(200, json);
    }

    private HttpExchange.Response reject(HttpExchange.Request request, FormErrors errors) {
        sim.rejections.add(request.method() + " " + request.path() + " -> " + errors.all());
        return HttpExchange.Response.json(400, errors.body(sim.json));
    }

    private JsonNode body(HttpExchange.Request request) throws IOException {
        String type = request.header("content-type");
        if (type != null && type.startsWith("multipart/form-data")) {
            return multipartPayload(request, type);
        }
        return request.body().length == 0 ? sim.json.createObjectNode() : sim.json.readTree(request.body());
    }

    /** Javacord sends messages with files as multipart; the JSON is in the part named payload_json. */
    private JsonNode multipartPayload(HttpExchange.Request request, String type) throws IOException {
        String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
        String text = new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String part : text.split("--" + Pattern.quote(boundary))) {
            if (part.contains("name=\"payload_json\"")) {
                String content = part.substring(part.indexOf("\r\n\r\n") + 4).strip();
                return sim.json.readTree(content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return sim.json.createObjectNode();
    }

    private ArrayNode array(List<JsonNode> nodes) {
        ArrayNode array = sim.json.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private ObjectNode applicationInfo() {
        ObjectNode app = sim.json.createObjectNode();
        app.put("id", Long.toString(sim.applicationId));
        app.put("name", "mailhelp");
        app.put("description", "Gets people's email sending again");
        app.putNull("icon");
        app.put("bot_public", true);
        app.put("bot_require_code_grant", false);
        app.put("flags", 0);
        ObjectNode owner = sim.userJson(sim.owner);
        app.set("owner", owner);
        return app;
    }

    private HttpExchange.Response overwriteCommands(JsonNode body, long guild) {
        FormErrors errors = new FormErrors();
        if (!body.isArray()) {
            errors.add("_root", "BASE_TYPE_ARRAY", "Must be an array");
        } else {
            errors.maxItems("_root", body.size(), 100);
            for (int i = 0; i < body.size(); i++) {
                PayloadLimits.command(body.get(i), Integer.toString(i), errors);
            }
        }
        if (!errors.isEmpty()) {
            sim.rejections.add("PUT commands -> " + errors.all());
            return HttpExchange.Response.json(400, errors.body(sim.json));
        }
        List<JsonNode> stored = new ArrayList<>();
        for (JsonNode command : body) {
            ObjectNode copy = command.deepCopy();
            copy.put("id", Long.toString(sim.nextId()));
            copy.put("application_id", Long.toString(sim.applicationId));
            copy.put("version", Long.toString(sim.nextId()));
            if (!copy.has("type")) {
                copy.put("type", 1);
            }
            if (!copy.has("description")) {
                copy.put("description", "");
            }
            if (guild != 0) {
                copy.put("guild_id", Long.toString(guild));
            }
            stored.add(copy);
        }
        if (guild == 0) {
            sim.globalCommands = List.copyOf(stored);
        } else {
            sim.guildCommands.put(guild, List.copyOf(stored));
        }
        return ok(array(stored).toString());
    }

    private HttpExchange.Response callback(long id, String token, JsonNode body) {
        long now = System.nanoTime();
        SimInteraction interaction = sim.interactions.get(id);
        if (interaction == null || !interaction.token().equals(token)) {
            sim.violations.add("callback for an unknown interaction " + id);
            return HttpExchange.Response.json(404, "{\"message\":\"Unknown interaction\",\"code\":10062}");
        }
        synchronized (interaction) {
            interaction.callbackArrived(now);
            if (interaction.acknowledged()) {
                sim.violations.add("interaction " + id + " acknowledged twice (second callback type "
                        + body.path("type").asInt() + ")");
                return HttpExchange.Response.json(400,
                        "{\"message\":\"Interaction has already been acknowledged.\",\"code\":40060}");
            }
            double millis = (now - interaction.createdNanos()) / 1_000_000.0;
            if (millis > DiscordSimulator.ACK_DEADLINE.toMillis()) {
                sim.violations.add(String.format("interaction %d acknowledged after %.0f ms (limit %d ms)", id, millis,
                        DiscordSimulator.ACK_DEADLINE.toMillis()));
                return HttpExchange.Response.json(404, "{\"message\":\"Unknown interaction\",\"code\":10062}");
            }
            int type = body.path("type").asInt();
            JsonNode data = body.path("data");
            FormErrors errors = new FormErrors();
            SimInteraction.Kind kind = interaction.kind();
            boolean component = kind == SimInteraction.Kind.COMPONENT
                    || (kind == SimInteraction.Kind.MODAL_SUBMIT && interaction.source() != null);
            switch (type) {
                case 4:
                    PayloadLimits.message(data, "data", true, errors);
                    break;
                case 5:
                    break;
                case 6:
                case 7:
                    if (!component) {
                        errors.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Update responses are only valid for component interactions");
                    } else if (type == 7) {
                        PayloadLimits.message(data, "data", false, errors);
                    }
                    break;
                case 8:
                    if (kind != SimInteraction.Kind.AUTOCOMPLETE) {
                        errors.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Autocomplete results only answer autocomplete");
                    }
                    PayloadLimits.autocomplete(data, "data", errors);
                    break;
                case 9:
                    if (kind == SimInteraction.Kind.MODAL_SUBMIT || kind == SimInteraction.Kind.AUTOCOMPLETE) {
                        errors.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "A modal cannot answer this interaction");
                    }
                    PayloadLimits.modal(data, "data", errors);
                    break;
                default:
                    errors.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type " + type);
            }
            if (kind == SimInteraction.Kind.AUTOCOMPLETE && type != 8 && errors.isEmpty()) {
                errors.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Autocomplete must be answered with type 8");
            }
            if (!errors.isEmpty()) {
                sim.rejections.add("callback type " + type + " -> " + errors.all());
                return HttpExchange.Response.json(400, errors.body(sim.json));
            }
            interaction.acknowledge(type, now);
            int ephemeral = data.path("flags").asInt() & ShownMessage.EPHEMERAL;
            switch (type) {
                case 4:
                    interaction.original(newMessage(data, ephemeral, interaction));
                    break;
                case 5:
                    SimMessage placeholder = newMessage(sim.json.createObjectNode(), ephemeral | ShownMessage.LOADING, interaction);
                    interaction.original(placeholder);
                    break;
                case 6:
                    interaction.original(interaction.source());
                    break;
                case 7:
                    interaction.source().apply(data);
                    interaction.original(interaction.source());
                    break;
                case 8:
                    interaction.choices(data.deepCopy());
                    break;
                case 9:
                    interaction.modal(data.deepCopy());
                    break;
                default:
                    break;
            }
        }
        return HttpExchange.Response.noContent();
    }

    private SimMessage newMessage(JsonNode data, int flags) {
        return newMessage(data, flags, null);
    }

    /** A message of the bot; in answer to an interaction it goes to that interaction's channel. */
    private SimMessage newMessage(JsonNode data, int flags, SimInteraction interaction) {
        ObjectNode message = interaction == null
                ? sim.messageJson(sim.nextId(), sim.userJson(sim.botUser()), data.path("content").asText(""), flags)
                : sim.messageJson(sim.nextId(), sim.userJson(sim.botUser()), data.path("content").asText(""), flags,
                interaction.channelId(), interaction.inDm());
        if (data.has("embeds")) {
            message.set("embeds", data.get("embeds").deepCopy());
        }
        if (data.has("components")) {
            message.set("components", data.get("components").deepCopy());
        }
        message.put("application_id", Long.toString(sim.applicationId));
        SimMessage stored = new SimMessage(message);
        sim.messages.put(stored.id(), stored);
        return stored;
    }

    private HttpExchange.Response webhook(HttpExchange.Request request, long application, String token, String messageId)
            throws IOException {
        SimInteraction interaction = sim.interactionsByToken.get(token);
        if (interaction == null || application != sim.applicationId) {
            sim.violations.add("webhook call with an unknown interaction token: " + request.method() + " " + request.path());
            return HttpExchange.Response.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        }
        if (sim.nowMillis() - interaction.createdAtMillis > DiscordSimulator.TOKEN_LIFETIME.toMillis()) {
            sim.violations.add("interaction token used after 15 minutes: " + request.method() + " for " + interaction.id());
            return HttpExchange.Response.json(401, "{\"message\":\"Invalid Webhook Token\",\"code\":50027}");
        }
        if (!interaction.acknowledged()) {
            sim.violations.add("webhook call before the interaction was acknowledged: " + request.method() + " " + interaction.id());
            return HttpExchange.Response.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        }
        String method = request.method();
        if (messageId == null) {
            if (!method.equals("POST")) {
                return unknown(request);
            }
            JsonNode body = body(request);
            FormErrors errors = new FormErrors();
            PayloadLimits.message(body, "", true, errors);
            if (!errors.isEmpty()) {
                return reject(request, errors);
            }
            SimMessage original = interaction.originalMessage();
            if (original != null && original.current().loading() && interaction.followupMessages().isEmpty()) {
                // Discord: the first follow-up after a deferred response edits the "thinking" message
                original.apply(body);
                return ok(original.json().toString());
            }
            SimMessage followup = newMessage(body, body.path("flags").asInt() & ShownMessage.EPHEMERAL, interaction);
            interaction.addFollowup(followup);
            return ok(followup.json().toString());
        }
        SimMessage target;
        if (messageId.equals("@original")) {
            target = interaction.originalMessage();
        } else {
            long wanted = Long.parseLong(messageId);
            target = interaction.followupMessages().stream().filter(m -> m.id() == wanted).findFirst()
                    .orElse(interaction.originalMessage() != null && interaction.originalMessage().id() == wanted
                            ? interaction.originalMessage() : null);
        }
        if (target == null || target.deleted()) {
            return HttpExchange.Response.json(404, "{\"message\":\"Unknown Message\",\"code\":10008}");
        }
        switch (method) {
            case "GET":
                return ok(target.json().toString());
            case "DELETE":
                target.delete();
                return HttpExchange.Response.noContent();
            case "PATCH":
                JsonNode body = body(request);
                FormErrors errors = new FormErrors();
                PayloadLimits.message(body, "", false, errors);
                if (!errors.isEmpty()) {
                    return reject(request, errors);
                }
                target.apply(body);
                return ok(target.json().toString());
            default:
                return unknown(request);
        }
    }
}
