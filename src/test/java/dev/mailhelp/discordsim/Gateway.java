package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway websocket: HELLO, IDENTIFY, heartbeats, READY and GUILD_CREATE, numbered dispatches,
 * and RESUME that replays what was dispatched while the bot was away.
 */
final class Gateway {

    /** What the gateway needs from the rest of the simulator. */
    interface World {
        String token();

        ObjectNode ready(String sessionId, JsonNode shard);

        List<ObjectNode> guildCreates();

        void violation(String text);
    }

    static final int HEARTBEAT_INTERVAL_MS = 2_000;

    private final ObjectMapper json;
    private final World world;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Session current;
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();

    Gateway(ObjectMapper json, World world) {
        this.json = json;
        this.world = world;
    }

    /** One connection of the bot, from HELLO to close. */
    private static final class Connection {
        final Socket socket;
        final OutputStream out;

        Connection(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        synchronized void send(String text) throws IOException {
            WebSocketFrames.writeText(out, text);
        }

        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // dropping anyway
            }
        }
    }

    private static final class Session {
        final String id;
        int seq;
        final List<String> sent = new ArrayList<>();
        Connection connection;

        Session(String id) {
            this.id = id;
        }
    }

    int identifies() {
        return identifies.get();
    }

    int resumes() {
        return resumes.get();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    boolean connected() {
        Session session = current;
        if (session == null) {
            return false;
        }
        synchronized (session) {
            return session.connection != null;
        }
    }

    /** Closes the bot's connection without a close frame, as a network failure would. */
    void dropConnection() {
        Session session = current;
        if (session == null) {
            throw new IllegalStateException("no bot is connected to the gateway");
        }
        Connection connection;
        synchronized (session) {
            connection = session.connection;
            session.connection = null;
        }
        if (connection != null) {
            connection.drop();
        }
    }

    /**
     * Sends a dispatch to the bot's current session (or keeps it for RESUME if it is away).
     * Returns true when it went out on a live connection.
     */
    boolean dispatch(String type, JsonNode data) {
        Session session = current;
        if (session == null) {
            throw new IllegalStateException("no bot has identified on the gateway");
        }
        return dispatch(session, type, data);
    }

    private boolean dispatch(Session session, String type, JsonNode data) {
        synchronized (session) {
            ObjectNode packet = json.createObjectNode();
            packet.put("op", 0);
            packet.put("t", type);
            packet.put("s", ++session.seq);
            packet.set("d", data);
            String text = packet.toString();
            session.sent.add(text);
            if (session.connection == null) {
                return false;
            }
            try {
                session.connection.send(text);
                return true;
            } catch (IOException e) {
                session.connection = null;
                return false;
            }
        }
    }

    void serve(Socket socket, InputStream in, OutputStream out) throws IOException {
        HttpExchange.Request upgrade = HttpExchange.readHead(in);
        if (upgrade == null) {
            return;
        }
        String key = upgrade.header("sec-websocket-key");
        if (!"websocket".equalsIgnoreCase(upgrade.header("upgrade")) || key == null) {
            world.violation("gateway request without a websocket upgrade: " + upgrade.method() + " " + upgrade.target());
            HttpExchange.write(out, HttpExchange.Response.json(400, "{\"message\":\"websocket upgrade expected\",\"code\":0}"));
            return;
        }
        String query = upgrade.query();
        if (!query.contains("v=10") || !query.contains("encoding=json")) {
            world.violation("gateway connected with unexpected query '" + query + "' (expected v=10, encoding=json)");
        }
        String handshake = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WebSocketFrames.acceptKey(key) + "\r\n\r\n";
        out.write(handshake.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        Connection connection = new Connection(socket, out);
        connection.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_INTERVAL_MS + "}}");
        try {
            while (true) {
                WebSocketFrames.Message message = WebSocketFrames.readMessage(in);
                if (message.opcode() == WebSocketFrames.CLOSE) {
                    synchronized (connection) {
                        WebSocketFrames.writeFrame(out, WebSocketFrames.CLOSE, message.payload());
                    }
                    return;
                }
                if (message.opcode() == WebSocketFrames.PING) {
                    synchronized (connection) {
                        WebSocketFrames.writeFrame(out, WebSocketFrames.PONG, message.payload());
                    }
                    continue;
                }
                if (message.opcode() != WebSocketFrames.TEXT) {
                    continue;
                }
                handle(connection, json.readTree(message.text()));
            }
        } finally {
            for (Session session : sessions.values()) {
                synchronized (session) {
                    if (session.connection == connection) {
                        session.connection = null;
                    }
                }
            }
        }
    }

    private void handle(Connection connection, JsonNode packet) throws IOException {
        int op = packet.path("op").asInt(-1);
        JsonNode d = packet.path("d");
        switch (op) {
            case 1:
                heartbeats.incrementAndGet();
                connection.send("{\"op\":11}");
                break;
            case 2:
                identify(connection, d);
                break;
            case 6:
                resume(connection, d);
                break;
            case 3:
            case 4:
            case 8:
                // presence, voice state and member requests need no answer for this bot
                break;
            default:
                world.violation("gateway got unknown op " + op + ": " + packet);
        }
    }

    private void identify(Connection connection, JsonNode d) throws IOException {
        if (!("Bot " + world.token()).equals(d.path("token").asText())) {
            // Discord closes with 4004 Authentication failed; the token is not echoed
            synchronized (connection) {
                WebSocketFrames.writeClose(connection.out, 4004, "Authentication failed.");
            }
            world.violation("IDENTIFY with a wrong token");
            return;
        }
        if (!d.has("intents")) {
            synchronized (connection) {
                WebSocketFrames.writeClose(connection.out, 4013, "Invalid intent(s).");
            }
            world.violation("IDENTIFY without intents");
            return;
        }
        identifies.incrementAndGet();
        Session session = new Session(UUID.randomUUID().toString().replace("-", ""));
        synchronized (session) {
            session.connection = connection;
        }
        sessions.put(session.id, session);
        current = session;
        dispatch(session, "READY", world.ready(session.id, d.get("shard")));
        for (ObjectNode guild : world.guildCreates()) {
            dispatch(session, "GUILD_CREATE", guild);
        }
    }

    private void resume(Connection connection, JsonNode d) throws IOException {
        Session session = sessions.get(d.path("session_id").asText());
        if (session == null || !("Bot " + world.token()).equals(d.path("token").asText())) {
            connection.send("{\"op\":9,\"d\":false}");
            return;
        }
        int seq = d.path("seq").asInt();
        synchronized (session) {
            session.connection = connection;
            for (String sent : session.sent) {
                int s = json.readTree(sent).path("s").asInt();
                if (s > seq) {
                    connection.send(sent);
                }
            }
        }
        current = session;
        resumes.incrementAndGet();
        dispatch(session, "RESUMED", json.createObjectNode());
    }
}
