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
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(java.nio.file.Path.of("src/main/resources/logback.xml").toFile());
        List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).map(Status::getMessage).toList();
        assertEquals(List.of(), errors);
    }
}
