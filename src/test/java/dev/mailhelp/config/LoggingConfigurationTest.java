package dev.mailhelp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml must parse: a broken one prints a wall of errors before every command. */
class LoggingConfigurationTest {

    @Test
    void shippedLogbackConfigurationHasNoErrors() throws Exception {
        assertNoErrors(null);
    }

    /** MAILHELP_LOG_FORMAT=json picks the JSON encoder, as cleanly. */
    @Test
    void jsonLogFormatHasNoErrors() throws Exception {
        LoggerContext context = assertNoErrors("json");
        var appender = (ch.qos.logback.core.OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("STDERR");
        org.junit.jupiter.api.Assertions.assertTrue(appender.getEncoder() instanceof ch.qos.logback.classic.encoder.JsonEncoder);
    }

    private static LoggerContext assertNoErrors(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty("MAILHELP_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(java.nio.file.Path.of("src/main/resources/logback.xml").toFile());
        List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).map(Status::getMessage).toList();
        assertEquals(List.of(), errors);
        return context;
    }
}
