package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What the engine answers after each user step, already in the user's language. Front ends only
 * render it: Discord as an embed with buttons or a modal, the terminal as numbered lines.
 *
 * @param nodeId   the step shown; front ends put it into button ids so an old message still works
 * @param notice   something to say before the step (a validation error, "that step no longer
 *                 exists", a password warning); empty when there is nothing
 * @param findings what the check that led here found; empty when no check ran
 * @param summary  the check's one-line headline; empty when no check ran
 * @param leaf     true when the step ends a path (front ends offer back / restart)
 */
public record Reply(String nodeId, String locale, String title, String text, List<Option> options,
                    Optional<InputRequest> input, List<Finding> findings, String summary,
                    List<ArticleLink> articles, boolean leaf, String notice) {

    public Reply {
        options = List.copyOf(options);
        findings = List.copyOf(findings);
        articles = List.copyOf(articles);
        summary = summary == null ? "" : summary;
        notice = notice == null ? "" : notice;
    }

    /** A choice; {@code index} is what the front end sends back to {@code choose}. */
    public record Option(int index, String label) { }

    /**
     * A request for free input. {@code suggested} is a value the conversation already knows (e.g.
     * the domain read from a bounce) that the user may accept as it is.
     */
    public record InputRequest(String kind, String fact, String prompt, String placeholder,
                               String suggested, boolean optional, String error) { }

    public record ArticleLink(String id, String title, String summary) { }
}
