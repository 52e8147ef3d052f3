package dev.mailhelp.diagnosis.bounce;

import java.nio.file.Files;
import java.nio.file.Path;

/** Development aid: prints every mismatch on the corpus, or the full reading of the files named as arguments. */
public final class CorpusDump {
    public static void main(String[] args) throws Exception {
        BounceReader reader = new BounceReader(BounceRules.load(Path.of("knowledge")));
        Path corpus = Path.of(System.getProperty("mailhelp.shared", "../shared"), "data", "bounces");
        if (args.length > 0) {
            for (String a : args) {
                BounceReport r = reader.read(Files.readAllBytes(corpus.resolve(a)));
                System.out.println(a + ": " + r.kind() + " domain=" + r.senderDomain() + " ip=" + r.sendingIp() + " provider=" + r.provider());
                for (RecipientResult x : r.results()) {
                    System.out.println("  " + x.recipient() + " | " + x.status() + " | " + x.replyCode() + " | " + x.reason()
                            + " | " + x.ruleId() + " | " + x.diagnostic());
                }
            }
            return;
        }
        CorpusScore score = CorpusScore.run(reader, corpus);
        for (CorpusScore.Row r : score.rows()) {
            if (!r.reasonOk() || !r.statusOk()) {
                String d = r.diagnostic().length() > 220 ? r.diagnostic().substring(0, 220) : r.diagnostic();
                System.out.printf("%s#%d %s%s status %s/%s reason %s%s/%s | %s%n", r.file(), r.index(),
                        (r.reasonOk() ? "" : "R") + (r.branchOk() ? "" : "B"), r.statusOk() ? "" : "S", r.expectedStatus(), r.gotStatus(),
                        r.expectedReason(), r.altReason().isEmpty() ? "" : "|" + r.altReason(), r.gotReason(), d);
            }
        }
        System.out.println(score.summary());
        System.out.println(score.confusion());
    }
}
