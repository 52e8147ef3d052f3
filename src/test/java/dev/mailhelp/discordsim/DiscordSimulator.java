package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * An in-process Discord for tests: a CONNECT proxy with TLS termination, the REST endpoints and
 * the gateway websocket that Javacord uses, with Discord's validation, plus a small API to act as a
 * user and to read what the bot showed. Everything listens on 127.0.0.1 only.
 *
 * <p>Rules it enforces, recorded as {@link #violations()}: the first response to an interaction
 * within 3 s, at most one acknowledgement, no use of an interaction token after 15 minutes, and
 * nothing the real Discord would reject ({@link #rejections()}, answered with Discord's 400 body).
 */
public final class DiscordSimulator implements AutoCloseable {

    public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    final ObjectMapper json = new ObjectMapper();
    private final AtomicLong snowflakes = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    final String token;
    final long applicationId;
    final long guildId;
    final long channelId;
    final SimUser owner;
    final SimCertificate certificate;
    final Gateway gateway;
    private final ConnectProxy proxy;
    private final RestApi rest;

    final List<String> violations = new CopyOnWriteArrayList<>();
    final List<String> rejections = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<RestRequest> restLog = new CopyOnWriteArrayList<>();
    /** Interaction callbacks still to be answered 429 (rate limited), as Discord may. */
    final java.util.concurrent.atomic.AtomicInteger callbacksToRateLimit = new java.util.concurrent.atomic.AtomicInteger();
    final Map<Long, SimInteraction> interactions = new ConcurrentHashMap<>();
    final Map<String, SimInteraction> interactionsByToken = new ConcurrentHashMap<>();
    final Map<Long, SimMessage> messages = new ConcurrentHashMap<>();
    final List<SimMessage> channelMessages = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> cdnFiles = new ConcurrentHashMap<>();
    volatile List<JsonNode> globalCommands = List.of();
    final Map<Long, List<JsonNode>> guildCommands = new ConcurrentHashMap<>();
    private final AtomicLong clockOffsetMillis = new AtomicLong();
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();
    private volatile JsonNode identifyShard;
    volatile long restLatencyMillis;

    private DiscordSimulator() throws IOException {
        byte[] tokenBytes = new byte[24];
        random.nextBytes(tokenBytes);
        token = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        applicationId = nextId();
        guildId = nextId();
        channelId = nextId();
        owner = new SimUser(nextId(), "guild-owner");
        certificate = SimCertificate.generate();
        gateway = new Gateway(json, new Gateway.World() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public ObjectNode ready(String sessionId, JsonNode shard) {
                identifyShard = shard;
                return readyPayload(sessionId);
            }

            @Override
            public List<ObjectNode> guildCreates() {
                return List.of(guildCreate());
            }

            @Override
            public void violation(String text) {
                violations.add(text);
            }
        });
        rest = new RestApi(this);
        proxy = new ConnectProxy(certificate, (host, connection, socket, in, out) -> {
            if (host.equals("gateway.discord.gg")) {
                gateway.serve(socket, in, out);
            } else {
                rest.serve(host, connection, in, out);
            }
        }, violations::add);
    }

    public static DiscordSimulator start() {
        try {
            return new DiscordSimulator();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Discord simulator", e);
        }
    }

    // ---- what a bot needs to connect -------------------------------------------------------

    /** The HTTP CONNECT proxy to point the bot at (127.0.0.1). */
    public InetSocketAddress proxyAddress() {
        return proxy.address();
    }

    public String token() {
        return token;
    }

    public long applicationId() {
        return applicationId;
    }

    public long guildId() {
        return guildId;
    }

    public long channelId() {
        return channelId;
    }

    /** Trusts the simulator's certificate (for the bot's own HTTPS downloads in tests). */
    public SSLContext clientTls() {
        return certificate.clientContext();
    }

    /**
     * Writes a PKCS#12 trust store holding the simulator's certificate, for a bot in another
     * process ({@code -Djavax.net.ssl.trustStore=...}): it then trusts the simulator as it would
     * trust Discord, without any trust-all switch.
     */
    public void writeTrustStore(java.nio.file.Path file, char[] password) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setCertificateEntry("discord-simulator", certificate.certificate());
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not write the simulator's trust store to " + file, e);
        }
    }

    // ---- what happened ---------------------------------------------------------------------

    /** Broken rules: late or double acknowledgements, expired tokens, unknown hosts or endpoints. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Bodies answered with 400 (what real Discord would have rejected). */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** "METHOD path" of every REST request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Every REST request with the connection it came on, who sent it and the status it got, in order. */
    public List<RestRequest> restLog() {
        return List.copyOf(restLog);
    }

    /** Answers the next {@code count} interaction callbacks with 429 (rate limited) instead of taking them. */
    public void rateLimitNextCallbacks(int count) {
        callbacksToRateLimit.set(count);
    }

    public List<JsonNode> globalCommands() {
        return globalCommands;
    }

    public List<JsonNode> guildCommands() {
        return guildCommands.getOrDefault(guildId, List.of());
    }

    /** The shard array the bot sent in IDENTIFY, if any. */
    public Optional<JsonNode> identifiedShard() {
        return Optional.ofNullable(identifyShard);
    }

    public List<ShownMessage> channelMessages() {
        List<ShownMessage> shown = new ArrayList<>();
        channelMessages.forEach(m -> shown.add(m.current()));
        return shown;
    }

    public List<SimInteraction> interactions() {
        return List.copyOf(interactions.values());
    }

    public int gatewayIdentifies() {
        return gateway.identifies();
    }

    public int gatewayResumes() {
        return gateway.resumes();
    }

    public boolean gatewayConnected() {
        return gateway.connected();
    }

    /** Closes the bot's gateway connection abruptly; it should come back with RESUME. */
    public void dropGatewayConnection() {
        gateway.dropConnection();
    }

    public void awaitGatewayResumed(int resumes) {
        Await.until("gateway RESUME number " + resumes, () -> gateway.resumes() >= resumes && gateway.connected(),
                Duration.ofSeconds(15));
    }

    /** Closes the bot's REST connections (kept-alive ones included), as Discord does with idle ones. */
    public void dropRestConnections() {
        proxy.closeConnectionsTo("discord.com");
    }

    /** Delays every REST answer, as the way to the real Discord would (e.g. 50 ms). */
    public void setRestLatency(Duration latency) {
        restLatencyMillis = latency.toMillis();
    }

    /** Moves the simulated clock on (for token expiry) without waiting. */
    public void advanceClock(Duration by) {
        clockOffsetMillis.addAndGet(by.toMillis());
    }

    long nowMillis() {
        return System.currentTimeMillis() + clockOffsetMillis.get();
    }

    // ---- acting as a user ------------------------------------------------------------------

    public SimUser user(String name) {
        return new SimUser(nextId(), name);
    }

    /**
     * Runs {@code /command subcommand option:value ...}. Option types come from the command the bot
     * registered, so an unregistered command or option fails the test.
     */
    public SimInteraction slashCommand(SimUser user, String locale, String command, String subcommand,
                                       Map<String, ?> options) {
        JsonNode registered = registeredCommand(command, 1);
        ObjectNode data = json.createObjectNode();
        data.put("id", registered.path("id").asText());
        data.put("name", command);
        data.put("type", 1);
        data.set("options", commandOptions(registered, subcommand, options, null));
        // an attachment option (an {@link #attachment} node) travels as its id plus the resolved attachment
        options.values().stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).forEach(a ->
                data.with("resolved").with("attachments").set(a.path("id").asText(), a));
        return dispatchInteraction(user, locale, 2, SimInteraction.Kind.SLASH, data, null);
    }

    /** The same slash command in the user's direct messages with the bot (no guild, no member). */
    public SimInteraction slashCommandInDm(SimUser user, String locale, String command, String subcommand,
                                           Map<String, ?> options) {
        JsonNode registered = registeredCommand(command, 1);
        ObjectNode data = json.createObjectNode();
        data.put("id", registered.path("id").asText());
        data.put("name", command);
        data.put("type", 1);
        data.set("options", commandOptions(registered, subcommand, options, null));
        return dispatchInteraction(user, locale, 2, SimInteraction.Kind.SLASH, data, null, true);
    }

    /** Types {@code partial} into {@code option} of a slash command with autocomplete. */
    public SimInteraction autocomplete(SimUser user, String locale, String command, String subcommand,
                                       Map<String, ?> otherOptions, String option, String partial) {
        JsonNode registered = registeredCommand(command, 1);
        ObjectNode data = json.createObjectNode();
        data.put("id", registered.path("id").asText());
        data.put("name", command);
        data.put("type", 1);
        Map<String, Object> all = new java.util.LinkedHashMap<>(otherOptions);
        all.put(option, partial);
        data.set("options", commandOptions(registered, subcommand, all, option));
        return dispatchInteraction(user, locale, 4, SimInteraction.Kind.AUTOCOMPLETE, data, null);
    }

    public SimInteraction clickButton(SimUser user, String locale, ShownMessage message, String customId) {
        SimMessage stored = storedMessage(message);
        boolean present = stored.current().buttons().stream()
                .anyMatch(b -> customId.equals(b.customId()) && !b.disabled());
        if (!present) {
            throw new AssertionError("no enabled button '" + customId + "' on " + stored.current());
        }
        ObjectNode data = json.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return dispatchInteraction(user, locale, 3, SimInteraction.Kind.COMPONENT, data, stored);
    }

    /** Clicks the button with this exact label. */
    public SimInteraction clickButtonLabelled(SimUser user, String locale, ShownMessage message, String label) {
        ShownMessage.Button button = message.button(label)
                .orElseThrow(() -> new AssertionError("no button labelled '" + label + "' on " + message));
        return clickButton(user, locale, message, button.customId());
    }

    public SimInteraction selectOption(SimUser user, String locale, ShownMessage message, String customId, String value) {
        SimMessage stored = storedMessage(message);
        boolean present = stored.current().selects().stream().anyMatch(s -> s.customId().equals(customId)
                && s.options().stream().anyMatch(o -> o.value().equals(value)));
        if (!present) {
            throw new AssertionError("no select '" + customId + "' with value '" + value + "' on " + stored.current());
        }
        ObjectNode data = json.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 3);
        data.putArray("values").add(value);
        return dispatchInteraction(user, locale, 3, SimInteraction.Kind.COMPONENT, data, stored);
    }

    /**
     * Submits the modal the bot opened in answer to {@code openedBy}, with values by text input id.
     * Refuses values the Discord client itself would not let through (required, min/max length).
     */
    public SimInteraction submitModal(SimInteraction openedBy, Map<String, String> values) {
        JsonNode modal = openedBy.modal()
                .orElseThrow(() -> new AssertionError("the bot opened no modal in answer to " + openedBy));
        ObjectNode data = json.createObjectNode();
        data.put("custom_id", modal.path("custom_id").asText());
        ArrayNode rows = data.putArray("components");
        for (JsonNode row : modal.path("components")) {
            JsonNode input = row.path("components").get(0);
            String id = input.path("custom_id").asText();
            String value = values.getOrDefault(id, "");
            boolean required = input.path("required").asBoolean(true);
            int min = input.path("min_length").asInt(0);
            int max = input.path("max_length").asInt(PayloadLimits.TEXT_INPUT_VALUE);
            if ((required && value.isEmpty()) || (!value.isEmpty() && (value.length() < min || value.length() > max))) {
                throw new IllegalArgumentException("the Discord client would not submit '" + value + "' for input '"
                        + id + "' (required " + required + ", length " + min + ".." + max + ")");
            }
            ObjectNode submitted = rows.addObject().put("type", 1).putArray("components").addObject();
            submitted.put("type", 4).put("custom_id", id).put("value", value);
        }
        for (String id : values.keySet()) {
            boolean known = false;
            for (JsonNode row : modal.path("components")) {
                known |= row.path("components").get(0).path("custom_id").asText().equals(id);
            }
            if (!known) {
                throw new AssertionError("the modal has no input '" + id + "': " + modal);
            }
        }
        return dispatchInteraction(openedBy.user(), openedBy.locale(), 5, SimInteraction.Kind.MODAL_SUBMIT, data,
                openedBy.kind() == SimInteraction.Kind.COMPONENT ? openedBy.source() : null, openedBy.inDm());
    }

    /** A file on the simulated CDN (cdn.discordapp.com), for message attachments. */
    public ObjectNode attachment(String filename, String contentType, byte[] bytes) {
        long id = nextId();
        String path = "/attachments/" + channelId + "/" + id + "/" + filename;
        cdnFiles.put(path, bytes.clone());
        ObjectNode attachment = json.createObjectNode();
        attachment.put("id", Long.toString(id));
        attachment.put("filename", filename);
        attachment.put("size", bytes.length);
        attachment.put("url", "https://cdn.discordapp.com" + path);
        attachment.put("proxy_url", "https://cdn.discordapp.com" + path);
        attachment.put("content_type", contentType);
        return attachment;
    }

    /**
     * An ephemeral message the bot sent long ago (e.g. by an older version), with one button, so
     * that tests can click ids the current bot never made.
     */
    public ShownMessage oldBotMessage(String title, String customId, String label) {
        ObjectNode message = messageJson(nextId(), userJson(botUser()), "", ShownMessage.EPHEMERAL);
        message.putArray("embeds").addObject().put("title", title);
        ObjectNode button = message.putArray("components").addObject().put("type", 1).putArray("components").addObject();
        button.put("type", 2).put("style", 1).put("custom_id", customId).put("label", label);
        SimMessage stored = new SimMessage(message);
        messages.put(stored.id(), stored);
        return stored.current();
    }

    /** A user posts a message in the channel (delivered to the bot as MESSAGE_CREATE). */
    public ShownMessage postMessage(SimUser author, String content, List<ObjectNode> attachments) {
        ObjectNode message = messageJson(nextId(), userJson(author), content, 0);
        ArrayNode list = message.putArray("attachments");
        attachments.forEach(list::add);
        if (content.contains("<@" + applicationId + ">")) {
            message.putArray("mentions").add(userJson(botUser()));
        }
        SimMessage stored = new SimMessage(message);
        messages.put(stored.id(), stored);
        ObjectNode dispatch = message.deepCopy();
        dispatch.set("member", memberJson(author, false));
        gateway.dispatch("MESSAGE_CREATE", dispatch);
        return stored.current();
    }

    /** "@bot text" in the channel. */
    public ShownMessage mention(SimUser author, String text) {
        return postMessage(author, "<@" + applicationId + "> " + text, List.of());
    }

    /** Runs a message context-menu command (e.g. "Diagnose bounce") on {@code target}. */
    public SimInteraction messageContextMenu(SimUser user, String locale, String commandName, ShownMessage target) {
        JsonNode registered = registeredCommand(commandName, 3);
        SimMessage stored = storedMessage(target);
        ObjectNode data = json.createObjectNode();
        data.put("id", registered.path("id").asText());
        data.put("name", commandName);
        data.put("type", 3);
        data.put("target_id", Long.toString(stored.id()));
        data.putObject("resolved").putObject("messages").set(Long.toString(stored.id()), stored.json());
        return dispatchInteraction(user, locale, 2, SimInteraction.Kind.MESSAGE_COMMAND, data, null);
    }

    // ---- internals -------------------------------------------------------------------------

    long nextId() {
        long millis = System.currentTimeMillis() - 1_420_070_400_000L;
        return (millis << 22) | (snowflakes.incrementAndGet() & 0x3FFFFF);
    }

    SimUser botUser() {
        return new SimUser(applicationId, "mailhelp");
    }

    /** What the user sees of this message now (a snapshot may be out of date after an edit). */
    public ShownMessage current(ShownMessage message) {
        return storedMessage(message).current();
    }

    private SimMessage storedMessage(ShownMessage shown) {
        SimMessage stored = messages.get(shown.id());
        if (stored == null) {
            throw new AssertionError("the simulator does not know message " + shown.id());
        }
        return stored;
    }

    private JsonNode registeredCommand(String name, int type) {
        List<JsonNode> all = new ArrayList<>(guildCommands());
        all.addAll(globalCommands);
        return all.stream().filter(c -> c.path("name").asText().equals(name) && c.path("type").asInt(1) == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the bot has not registered a command '" + name + "' of type " + type));
    }

    private ArrayNode commandOptions(JsonNode registered, String subcommand, Map<String, ?> values, String focused) {
        ArrayNode top = json.createArrayNode();
        JsonNode definitions = registered.path("options");
        ArrayNode target = top;
        if (subcommand != null) {
            JsonNode sub = find(definitions, subcommand)
                    .orElseThrow(() -> new AssertionError("no subcommand '" + subcommand + "' in " + registered));
            ObjectNode subNode = top.addObject().put("type", sub.path("type").asInt()).put("name", subcommand);
            target = subNode.putArray("options");
            definitions = sub.path("options");
        }
        for (JsonNode definition : definitions) {
            if (definition.path("required").asBoolean(false) && !values.containsKey(definition.path("name").asText())
                    && focused == null) {
                throw new AssertionError("the Discord client requires option '" + definition.path("name").asText() + "'");
            }
        }
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            JsonNode definition = find(definitions, entry.getKey())
                    .orElseThrow(() -> new AssertionError("no option '" + entry.getKey() + "' in " + registered));
            int type = definition.path("type").asInt();
            ObjectNode option = target.addObject().put("type", type).put("name", entry.getKey());
            Object value = entry.getValue();
            if (type == 4 && !entry.getKey().equals(focused)) {
                option.put("value", ((Number) value).longValue());
            } else if (type == 5) {
                option.put("value", (Boolean) value);
            } else if (type == 11 && value instanceof ObjectNode attachment) {
                option.put("value", attachment.path("id").asText());
            } else {
                option.put("value", String.valueOf(value));
            }
            if (entry.getKey().equals(focused)) {
                option.put("focused", true);
            }
        }
        return top;
    }

    private static Optional<JsonNode> find(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.path("name").asText().equals(name)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private SimInteraction dispatchInteraction(SimUser user, String locale, int type, SimInteraction.Kind kind,
                                               ObjectNode data, SimMessage source) {
        boolean dm = source != null && source.json().path("guild_id").isMissingNode();
        return dispatchInteraction(user, locale, type, kind, data, source, dm);
    }

    private SimInteraction dispatchInteraction(SimUser user, String locale, int type, SimInteraction.Kind kind,
                                               ObjectNode data, SimMessage source, boolean dm) {
        long channel = dm ? dmChannels.computeIfAbsent(user.id(), u -> nextId()) : channelId;
        long id = nextId();
        byte[] tokenBytes = new byte[32];
        random.nextBytes(tokenBytes);
        String interactionToken = "aW50ZXJhY3Rpb24" + HexFormat.of().formatHex(tokenBytes);
        SimInteraction interaction = new SimInteraction(id, interactionToken, kind, user, locale, source, nowMillis(), channel, dm);
        interactions.put(id, interaction);
        interactionsByToken.put(interactionToken, interaction);
        ObjectNode d = json.createObjectNode();
        d.put("id", Long.toString(id));
        d.put("application_id", Long.toString(applicationId));
        d.put("type", type);
        d.put("token", interactionToken);
        d.put("version", 1);
        d.put("locale", locale);
        d.put("channel_id", Long.toString(channel));
        if (dm) {
            d.putObject("channel").put("id", Long.toString(channel)).put("type", 1);
            d.set("user", userJson(user));
        } else {
            d.put("guild_locale", "en-US");
            d.put("guild_id", Long.toString(guildId));
            d.putObject("channel").put("id", Long.toString(channelId)).put("type", 0)
                    .put("guild_id", Long.toString(guildId)).put("name", "support");
            d.set("member", memberJson(user, true));
        }
        d.put("app_permissions", "2248473465835073");
        d.set("data", data);
        if (source != null) {
            d.set("message", source.json());
        }
        interaction.markDispatched(System.nanoTime());
        gateway.dispatch("INTERACTION_CREATE", d);
        return interaction;
    }

    ObjectNode userJson(SimUser user) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(user.id()));
        node.put("username", user.name());
        node.put("discriminator", "0");
        node.putNull("avatar");
        node.put("global_name", user.name());
        if (user.id() == applicationId) {
            node.put("bot", true);
        }
        return node;
    }

    private ObjectNode memberJson(SimUser user, boolean withUser) {
        ObjectNode member = json.createObjectNode();
        if (withUser) {
            member.set("user", userJson(user));
        }
        member.putArray("roles");
        member.put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("pending", false);
        member.put("permissions", "2248473465835073");
        return member;
    }

    ObjectNode messageJson(long id, ObjectNode author, String content, int flags) {
        return messageJson(id, author, content, flags, channelId, false);
    }

    ObjectNode messageJson(long id, ObjectNode author, String content, int flags, long channel, boolean dm) {
        ObjectNode message = json.createObjectNode();
        message.put("id", Long.toString(id));
        message.put("type", 0);
        message.put("channel_id", Long.toString(channel));
        if (!dm) {
            message.put("guild_id", Long.toString(guildId));
        }
        message.set("author", author);
        message.put("content", content);
        message.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("flags", flags);
        return message;
    }

    private ObjectNode readyPayload(String sessionId) {
        ObjectNode ready = json.createObjectNode();
        ready.put("v", 10);
        ready.set("user", userJson(botUser()));
        ready.putArray("guilds").addObject().put("id", Long.toString(guildId)).put("unavailable", true);
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", "wss://gateway.discord.gg");
        ready.putObject("application").put("id", Long.toString(applicationId)).put("flags", 0);
        ready.putArray("private_channels");
        return ready;
    }

    private ObjectNode guildCreate() {
        ObjectNode guild = json.createObjectNode();
        guild.put("id", Long.toString(guildId));
        guild.put("name", "Mail help test server");
        guild.put("region", "europe");
        guild.put("owner_id", Long.toString(owner.id()));
        guild.put("large", false);
        guild.put("unavailable", false);
        guild.put("verification_level", 0);
        guild.put("explicit_content_filter", 0);
        guild.put("default_message_notifications", 0);
        guild.put("mfa_level", 0);
        guild.put("premium_tier", 0);
        guild.put("nsfw_level", 0);
        guild.put("preferred_locale", "en-US");
        guild.put("afk_timeout", 300);
        guild.put("system_channel_flags", 0);
        guild.putArray("features");
        guild.putArray("emojis");
        guild.putArray("stickers");
        guild.putArray("voice_states");
        guild.putArray("presences");
        guild.putArray("threads");
        ObjectNode everyone = guild.putArray("roles").addObject();
        everyone.put("id", Long.toString(guildId));
        everyone.put("name", "@everyone");
        everyone.put("color", 0);
        everyone.put("hoist", false);
        everyone.put("position", 0);
        everyone.put("permissions", "2248473465835073");
        everyone.put("managed", false);
        everyone.put("mentionable", false);
        ObjectNode channel = guild.putArray("channels").addObject();
        channel.put("id", Long.toString(channelId));
        channel.put("type", 0);
        channel.put("name", "support");
        channel.put("position", 0);
        channel.putArray("permission_overwrites");
        channel.put("nsfw", false);
        channel.putNull("parent_id");
        channel.put("guild_id", Long.toString(guildId));
        ArrayNode members = guild.putArray("members");
        ObjectNode bot = memberJson(botUser(), true);
        members.add(bot);
        members.add(memberJson(owner, true));
        guild.put("member_count", members.size());
        return guild;
    }

    @Override
    public void close() {
        proxy.close();
    }
}
