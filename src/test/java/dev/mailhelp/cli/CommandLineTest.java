package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        CommandLine cmd = new CommandLine(new MailhelpCommand(),
                new CommandFactory(new dev.mailhelp.config.Environment(java.util.Map.of()), cwd));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String sub : new String[] {"console", "discord", "check", "knowledge", "article"}) {
            assertTrue(r.out().contains("  " + sub), sub + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 all fine, 1 problems found, 2 bad input or usage, 3 a check could not be completed."));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("check").code());
        Run lang = run("console", "--lang", "fr");
        assertEquals(2, lang.code());
        assertTrue(lang.err().contains("Unknown language \"fr\"; expected one of [en, zh-TW]"), lang.err());
    }

    @Test
    void discordWithoutATokenExitsTwoAndPointsToTheTerminal() {
        // The test JVM has no DISCORD_TOKEN (and the build directory no .env).
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISCORD_TOKEN") == null, "a token is set in this environment");
        Run r = run("discord");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DISCORD_TOKEN is not set") && r.err().contains("mailhelp console"), r.err());
    }

    @Test
    void validatingAMissingFolderExitsTwoAndSaysWhy() {
        Run r = run("knowledge", "validate", "target/no-such-knowledge");
        assertEquals(2, r.code());
        assertTrue(r.out().contains("the knowledge folder does not exist"), r.out());
    }
}
