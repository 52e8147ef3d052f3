package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.discord.MessageView.EmbedView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a live check's progress by editing the reply, at most once per interval (Discord rate
 * limits edits, and users need no more), and always ending with the final answer: once
 * {@link #finish} is called, no progress edit can overwrite it.
 */
final class ProgressEdits implements ProgressListener {

    private final ReplyTarget target;
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final String subject;
    private final Texts texts;
    private final List<String> partsDone = new ArrayList<>();
    private int done;
    private int total;
    private long lastEditNanos;
    private boolean scheduled;
    private boolean finished;
    private int edits;

    /** "Checking example.com…" for a target; a conversation step shows its own title instead. */
    enum Heading { TARGET, STEP }

    private final Heading heading;

    ProgressEdits(ReplyTarget target, ScheduledExecutorService scheduler, Duration interval, String subject, Texts texts) {
        this(target, scheduler, interval, subject, texts, Heading.TARGET);
    }

    ProgressEdits(ReplyTarget target, ScheduledExecutorService scheduler, Duration interval, String subject, Texts texts,
                  Heading heading) {
        this.heading = heading;
        this.target = target;
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
        this.subject = subject;
        this.texts = texts;
        this.lastEditNanos = System.nanoTime();
    }

    @Override
    public synchronized void partDone(String part, int done, int total, List<Finding> findings) {
        if (finished) {
            return;
        }
        Severity worst = FindingsRenderer.worst(findings);
        partsDone.add(FindingsRenderer.icon(findings.isEmpty() ? Severity.INFO : worst) + " " + texts.name(part));
        this.done = Math.max(this.done, done);
        this.total = Math.max(total, this.done);
        if (!scheduled) {
            scheduled = true;
            long wait = Math.max(0, lastEditNanos + intervalNanos - System.nanoTime());
            scheduler.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Edits under the lock, like {@link #finish}: the reply targets only chain the request, and
     * the order in which they are chained is the order Discord sees, so a progress edit can never
     * land after the final answer.
     */
    private synchronized void flush() {
        scheduled = false;
        if (finished) {
            return;
        }
        lastEditNanos = System.nanoTime();
        edits++;
        target.edit(view());
    }

    /** The "Checking …" message before any part finished; {@code subject} may be empty. */
    static MessageView startView(String subject, Texts texts) {
        return startView(subject, texts, Heading.TARGET);
    }

    static MessageView startView(String subject, Texts texts, Heading heading) {
        return view(title(subject, texts, heading, 0, 0), "");
    }

    private static String title(String subject, Texts texts, Heading heading, int done, int total) {
        String prefix = subject.isEmpty() ? "working" : heading == Heading.STEP ? "step" : "checking";
        return done == 0 ? texts.get(prefix + ".start", subject) : texts.get(prefix + ".parts", subject, done, total);
    }

    /** The "Checking …" message as it stands. */
    synchronized MessageView view() {
        return view(title(subject, texts, heading, done, total), String.join("\n", partsDone));
    }

    private static MessageView view(String title, String description) {
        return MessageView.of(new EmbedView(DiscordLimits.truncate(title, DiscordLimits.EMBED_TITLE),
                DiscordLimits.truncate(description, DiscordLimits.EMBED_DESCRIPTION), StepRenderer.STEP_COLOUR, List.of(), ""),
                List.of());
    }

    synchronized int edits() {
        return edits;
    }

    synchronized CompletableFuture<Void> finish(List<MessageView> views) {
        finished = true;
        return target.show(views);
    }
}
