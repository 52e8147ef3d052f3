package dev.mailhelp.diagnosis.bounce;

import java.nio.file.Path;

/** Development aid: prints every mismatch on the corpus (mvn exec:java -Dexec.mainClass=...CorpusDump). */
public final class CorpusDump {
    public static void main(String[] args) throws Exception {
        BounceReader reader = new BounceReader(BounceRules.load(Path.of("knowledge")));
        CorpusScore score = CorpusScore.run(reader, Path.of(System.getProperty("mailhelp.shared", "../shared"), "data", "bounces"));
        for (CorpusScore.Row r : score.rows()) {
            if (!r.reasonOk() || !r.statusOk()) {
                String d = r.diagnostic().length() > 220 ? r.diagnostic().substring(0, 220) : r.diagnostic();
                System.out.printf("%s#%d %s%s status %s/%s reason %s%s/%s | %s%n", r.file(), r.index(),
                        r.reasonOk() ? "" : "R", r.statusOk() ? "" : "S", r.expectedStatus(), r.gotStatus(),
                        r.expectedReason(), r.altReason().isEmpty() ? "" : "|" + r.altReason(), r.gotReason(), d);
            }
        }
        System.out.println(score.summary());
        System.out.println(score.confusion());
    }
}
