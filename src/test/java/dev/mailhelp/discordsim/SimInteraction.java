package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One interaction the simulated user started, and everything the bot answered to it: when it was
 * acknowledged and how, the original response with each of its revisions, follow-ups, a modal,
 * autocomplete choices.
 */
public final class SimInteraction {

    public enum Kind { SLASH, COMPONENT, MODAL_SUBMIT, AUTOCOMPLETE, MESSAGE_COMMAND }

    private final long id;
    private final String token;
    private final Kind kind;
    private final SimUser user;
    private final String locale;
    private final SimMessage source;
    final long createdAtMillis;
    private volatile long createdNanos;
    private long ackNanos;
    private long firstCallbackNanos;
    private int ackType;
    private SimMessage original;
    private final List<SimMessage> followups = new ArrayList<>();
    private JsonNode modal;
    private JsonNode choices;

    private final long channelId;
    private final boolean dm;

    SimInteraction(long id, String token, Kind kind, SimUser user, String locale, SimMessage source, long createdAtMillis,
                   long channelId, boolean dm) {
        this.channelId = channelId;
        this.dm = dm;
        this.id = id;
        this.token = token;
        this.kind = kind;
        this.user = user;
        this.locale = locale;
        this.source = source;
        this.createdAtMillis = createdAtMillis;
        this.createdNanos = System.nanoTime();
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    public SimUser user() {
        return user;
    }

    public String locale() {
        return locale;
    }

    long channelId() {
        return channelId;
    }

    /** In the user's direct messages with the bot rather than in a server channel. */
    public boolean inDm() {
        return dm;
    }

    SimMessage source() {
        return source;
    }

    void markDispatched(long nanos) {
        createdNanos = nanos;
    }

    long createdNanos() {
        return createdNanos;
    }

    synchronized void callbackArrived(long nanos) {
        if (firstCallbackNanos == 0) {
            firstCallbackNanos = nanos;
        }
    }

    /** Milliseconds from dispatch to the first callback that arrived, accepted or not (too late). */
    public synchronized Optional<Double> firstCallbackMillis() {
        return firstCallbackNanos == 0 ? Optional.empty() : Optional.of((firstCallbackNanos - createdNanos) / 1_000_000.0);
    }

    synchronized boolean acknowledged() {
        return ackType != 0;
    }

    synchronized void acknowledge(int type, long nanos) {
        ackType = type;
        ackNanos = nanos;
    }

    synchronized int ackType() {
        return ackType;
    }

    /** Milliseconds from dispatch to the first callback, if it came. */
    public synchronized Optional<Double> ackMillis() {
        return ackType == 0 ? Optional.empty() : Optional.of((ackNanos - createdNanos) / 1_000_000.0);
    }

    synchronized void original(SimMessage message) {
        original = message;
    }

    synchronized SimMessage originalMessage() {
        return original;
    }

    synchronized void addFollowup(SimMessage message) {
        followups.add(message);
    }

    synchronized List<SimMessage> followupMessages() {
        return List.copyOf(followups);
    }

    synchronized void modal(JsonNode data) {
        modal = data;
    }

    synchronized void choices(JsonNode data) {
        choices = data;
    }

    /** The response the user sees now (for a component click: the message it updated). */
    public synchronized Optional<ShownMessage> original() {
        return original == null || original.deleted() ? Optional.empty() : Optional.of(original.current());
    }

    /** Every revision of the original response, oldest first (progress edits show here). */
    public synchronized List<ShownMessage> originalRevisions() {
        return original == null ? List.of() : original.revisions();
    }

    public synchronized List<ShownMessage> followups() {
        List<ShownMessage> shown = new ArrayList<>();
        followups.forEach(m -> shown.add(m.current()));
        return shown;
    }

    public synchronized Optional<JsonNode> modal() {
        return Optional.ofNullable(modal);
    }

    public synchronized Optional<JsonNode> choices() {
        return Optional.ofNullable(choices);
    }

    public void awaitAck() {
        Await.until("acknowledgement of " + this, Await.DEFAULT,
                () -> acknowledged() ? Optional.of(true) : Optional.empty(), this::toString);
    }

    /** Waits until the original response satisfies {@code condition}; returns that state. */
    public ShownMessage awaitOriginal(String what, Predicate<ShownMessage> condition) {
        return awaitOriginal(what, Await.DEFAULT, condition);
    }

    public ShownMessage awaitOriginal(String what, Duration timeout, Predicate<ShownMessage> condition) {
        return Await.until(what + " in the response to " + this, timeout,
                () -> original().filter(condition), () -> original().map(Object::toString).orElse("no response"));
    }

    /** Waits for a finished (not loading) original response. */
    public ShownMessage awaitReply() {
        return awaitOriginal("a reply", m -> !m.loading());
    }

    public ShownMessage awaitReply(Duration timeout) {
        return awaitOriginal("a reply", timeout, m -> !m.loading());
    }

    public JsonNode awaitModal() {
        return Await.until("a modal in answer to " + this, Await.DEFAULT, this::modal, this::toString);
    }

    public JsonNode awaitChoices() {
        return Await.until("autocomplete choices for " + this, Await.DEFAULT,
                () -> choices().map(c -> c.path("choices")), this::toString);
    }

    public List<ShownMessage> awaitFollowups(int count) {
        return Await.until(count + " follow-ups to " + this, Await.DEFAULT,
                () -> followups().size() >= count ? Optional.of(followups()) : Optional.empty(), this::toString);
    }

    @Override
    public synchronized String toString() {
        return kind + " interaction " + id + " by " + user.name() + " (" + locale + ")"
                + (ackType == 0 ? " not acknowledged" : " acknowledged with type " + ackType)
                + (original == null ? "" : ", response: " + original.current());
    }
}
