package dev.mailhelp.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What may stay English in a zh-TW transcript, gathered from a conversation walk: evidence (record
 * text and server replies, verbatim), samples of pasted text, names of lists and providers, and the
 * sentences of findings whose codes are on {@link #STILL_ENGLISH}.
 */
public record TranscriptScan(Set<String> verbatim, String notWorded, Map<String, Boolean> stillEnglishSeenClean,
                             String englishCopyLine) {

    /**
     * Finding codes whose sentences are still English in zh-TW, with the helper converting them.
     * This list only shrinks: a code here that renders without English fails the test.
     */
    public static final Map<String, String> STILL_ENGLISH = Map.of();


    /** Names of products and services, written as their makers write them. */
    public static final List<String> PRODUCT_NAMES = List.of("Data Query Service", "DomainKeys Identified Mail",
            "Sender Policy Framework");

    public static TranscriptScan of(Map<String, ConversationWalk.Visit> visits, KnowledgeBase knowledge) {
        Set<String> verbatim = new TreeSet<>(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        Map<String, Boolean> seen = new LinkedHashMap<>();
        StringBuilder notWorded = new StringBuilder();
        for (ConversationWalk.Visit v : visits.values()) {
            v.reply().input().filter(i -> i.fact().equals("bounce") || i.fact().equals("message"))
                    .ifPresent(i -> verbatim.add(i.placeholder()));
            for (Finding f : v.reply().findings()) {
                // evidence is shown as seen; a front end may wrap or cut it, so any run of its words is its own
                notWorded.append(f.evidence()).append('\n');
                for (String line : f.evidence().split("\n")) {
                    if (!line.isBlank()) {
                        verbatim.add(line.strip());
                    }
                }
                if (STILL_ENGLISH.containsKey(f.code())) {
                    boolean english = !EnglishScanner.englishRuns(f.message() + "\n" + f.fix()).isEmpty();
                    seen.merge(f.code(), !english, Boolean::logicalAnd);
                    notWorded.append(f.message()).append('\n').append(f.fix()).append('\n');
                    // line by line: the terminal indents the lines of a finding
                    for (String line : (f.message() + "\n" + f.fix()).split("\n")) {
                        verbatim.add(line.strip());
                    }
                }
            }
        }
        // names of lists and providers are names, written as their owners write them
        dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.load(Path.of("knowledge")
                .resolve(dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.FILE_NAME)).lists()
                .forEach(l -> verbatim.add(l.name()));
        knowledge.providers().all().forEach(p -> verbatim.add(p.name()));
        verbatim.addAll(PRODUCT_NAMES);
        verbatim.remove("");
        return new TranscriptScan(verbatim, notWorded.toString().replaceAll("\\s+", " "), seen,
                knowledge.messages().get("summary.english-copy", "zh-TW"));
    }

    public List<String> englishRuns(String text) {
        String left = text;
        for (String s : verbatim) {
            left = left.replace(s, "");
        }
        // a front end may wrap or split a still-English finding differently: any run of its words is its own
        return EnglishScanner.englishRuns(ConversationWalk.scannable(left, englishCopyLine)).stream()
                .filter(run -> !notWorded.contains(run.replaceAll("\\s+", " "))).toList();
    }

    /** A code on the list whose every sentence seen is free of English is converted: take it off. */
    public void assertStillEnglishListIsCurrent() {
        List<String> converted = stillEnglishSeenClean.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), converted, "converted now: remove these codes from STILL_ENGLISH");
    }
}
