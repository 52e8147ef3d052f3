package dev.mailhelp.console;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.knowledge.Article;
import dev.mailhelp.knowledge.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The conversation in a terminal: numbered choices, typed inputs, {@code back}, {@code restart},
 * {@code read N} and {@code quit}. Reads lines, so piped stdin works as well as a person typing.
 */
public final class ConsoleConversation {

    public static final Set<String> MESSAGE_KEYS = Set.of("console.welcome", "console.discord-hint", "console.choose",
            "console.type-value", "console.accept-suggested", "console.optional", "console.articles",
            "console.findings", "console.admin", "console.end", "console.not-understood", "console.no-article", "console.checking",
            "console.bye", "console.step-failed");
    private static final String SESSION = "console";
    // Checks bound their own network steps; this only guards against a bug leaving the terminal stuck.
    private static final long STEP_TIMEOUT_SECONDS = 300;

    private final ConversationEngine engine;
    private final BufferedReader in;
    private final PrintWriter out;
    private final String locale;
    private final Messages messages;

    public ConsoleConversation(ConversationEngine engine, BufferedReader in, PrintWriter out, String locale) {
        this.engine = engine;
        this.in = in;
        // typed names, pasted bounces and DNS data are shown, never obeyed as terminal escapes
        this.out = dev.mailhelp.input.Printable.terminalSafe(out);
        this.locale = locale;
        this.messages = engine.knowledge().messages();
    }

    /** Runs until {@code quit} or end of input. */
    public void run(boolean showDiscordHint) throws IOException {
        out.println(messages.get("console.welcome", locale));
        if (showDiscordHint) {
            out.println(messages.get("console.discord-hint", locale));
        }
        Reply reply = await(engine.start(SESSION, locale));
        print(reply);
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.strip();
            String lower = command.toLowerCase(Locale.ROOT);
            if (reply.input().isEmpty() && command.isEmpty()) {
                prompt(reply);
                continue;
            }
            if (lower.equals("quit") || lower.equals("exit") || lower.equals("q")) {
                break;
            }
            if (lower.equals("back")) {
                reply = await(engine.back(SESSION, locale, reply.nodeId()));
            } else if (lower.equals("restart")) {
                reply = await(engine.restart(SESSION, locale));
            } else if (lower.startsWith("read")) {
                readArticle(reply, command.substring(4).strip());
                prompt(reply);
                continue;
            } else if (reply.input().isPresent()) {
                reply = await(engine.submit(SESSION, locale, reply.nodeId(), readMore(command), progress()));
            } else if (command.matches("\\d{1,3}")) {
                reply = await(engine.choose(SESSION, locale, reply.nodeId(), Integer.parseInt(command) - 1, progress()));
            } else {
                out.println(messages.get("console.not-understood", locale, command));
                prompt(reply);
                continue;
            }
            print(reply);
        }
        out.println(messages.get("console.bye", locale));
        out.flush();
    }

    /**
     * A pasted bounce spans many lines. A line that is exactly {@code <<<} starts a block that ends
     * with a line {@code >>>}, so multi-line text can be typed or piped.
     */
    private String readMore(String first) throws IOException {
        if (!first.equals("<<<")) {
            return first;
        }
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.strip().equals(">>>")) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private ProgressListener progress() {
        return (part, done, total, findings) -> {
            synchronized (out) {
                out.printf("  … %s: %s (%d/%d)%n", messages.get("console.checking", locale), part, done, total);
                out.flush();
            }
        };
    }

    private Reply await(CompletionStage<Reply> stage) throws IOException {
        try {
            return stage.toCompletableFuture().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println(messages.get("console.step-failed", locale));
            out.flush();
            throw new StepFailed(e);
        } catch (ExecutionException | TimeoutException e) {
            // the reader is told in their language; the cause stays with the exception for a log
            out.println(messages.get("console.step-failed", locale));
            out.flush();
            throw new StepFailed(e);
        }
    }

    /** A step that never completed; the user has been told, the command ends with exit 3. */
    public static final class StepFailed extends IOException {
        StepFailed(Throwable cause) {
            super(cause);
        }
    }

    private void print(Reply reply) {
        out.println();
        if (!reply.notice().isEmpty()) {
            out.println("! " + reply.notice());
        }
        out.println("== " + reply.title() + " ==");
        if (!reply.summary().isEmpty()) {
            out.println(reply.summary());
        }
        printFindings(reply.findings());
        out.println(reply.text());
        if (!reply.articles().isEmpty()) {
            out.println();
            out.println(messages.get("console.articles", locale) + ":");
            for (int i = 0; i < reply.articles().size(); i++) {
                Reply.ArticleLink a = reply.articles().get(i);
                out.printf("  read %d — %s%n", i + 1, a.title());
            }
        }
        if (!reply.options().isEmpty()) {
            out.println();
            for (Reply.Option o : reply.options()) {
                out.printf("  %d) %s%n", o.index() + 1, o.label());
            }
        }
        if (reply.leaf()) {
            out.println();
            out.println(messages.get("console.end", locale));
        }
        prompt(reply);
    }

    private void printFindings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println(messages.get("console.findings", locale) + ":");
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(f.check(), k -> new java.util.ArrayList<>()).add(f));
        byCheck.forEach((check, list) -> {
            out.println("  [" + check + "]");
            for (Finding f : list) {
                out.printf("   %-5s %s%n", f.severity().id().toUpperCase(Locale.ROOT), f.message().replace("\n", "\n         "));
                if (!f.evidence().isEmpty()) {
                    out.println("         " + f.evidence().replace("\n", "\n         "));
                }
                if (!f.fix().isEmpty()) {
                    out.println("         → " + f.fix().replace("\n", "\n           "));
                }
                if (!f.admin().isEmpty()) {
                    out.println("         " + messages.get("console.admin", locale) + " " + f.admin().replace("\n", "\n           "));
                }
            }
        });
        out.println();
    }

    private void prompt(Reply reply) {
        if (reply.input().isPresent()) {
            Reply.InputRequest input = reply.input().get();
            if (!input.error().isEmpty()) {
                out.println("! " + input.error());
            }
            StringBuilder p = new StringBuilder(input.prompt());
            if (!input.placeholder().isEmpty()) {
                p.append(" (").append(input.placeholder()).append(")");
            }
            if (!input.suggested().isEmpty()) {
                p.append(" [").append(messages.get("console.accept-suggested", locale, input.suggested())).append("]");
            }
            if (input.optional()) {
                p.append(" [").append(messages.get("console.optional", locale)).append("]");
            }
            out.print(p + "> ");
        } else {
            out.print(messages.get("console.choose", locale) + "> ");
        }
        out.flush();
    }

    private void readArticle(Reply reply, String which) {
        List<Reply.ArticleLink> links = reply.articles();
        String id = which;
        if (which.matches("\\d{1,2}")) {
            int n = Integer.parseInt(which);
            id = n >= 1 && n <= links.size() ? links.get(n - 1).id() : "";
        }
        java.util.Optional<Article> article = id.isEmpty() ? java.util.Optional.empty()
                : engine.knowledge().articles().get(id, locale);
        if (article.isEmpty()) {
            String available = links.isEmpty() ? "-" : String.join(", ",
                    java.util.stream.IntStream.rangeClosed(1, links.size()).mapToObj(Integer::toString).toList());
            out.println(messages.get("console.no-article", locale, which, available));
            return;
        }
        out.println();
        out.println(ArticleText.render(article.get(), messages, locale));
    }
}
