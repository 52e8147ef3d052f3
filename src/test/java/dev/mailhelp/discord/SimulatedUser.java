package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One person going through the conversation in the simulated Discord client. */
final class SimulatedUser {

    final DiscordSimulator sim;
    final SimUser user;
    final String locale;
    ShownMessage shown;
    SimInteraction last;
    /**
     * How long each step may take to appear before the test fails: only a bound for a broken run (a
     * step that appears sooner ends the wait), so generous; the load runs raise it further.
     */
    Duration patience = Duration.ofSeconds(30);

    SimulatedUser(DiscordSimulator sim, String name, String locale) {
        this.sim = sim;
        this.user = sim.user(name);
        this.locale = locale;
    }

    ShownMessage start() {
        return start(false);
    }

    ShownMessage start(boolean inDm) {
        last = inDm ? sim.slashCommandInDm(user, locale, "mailhelp", "start", Map.of())
                : sim.slashCommand(user, locale, "mailhelp", "start", Map.of());
        shown = last.awaitOriginal("the first step", patience, SimulatedUser::isStep);
        return shown;
    }

    /** A finished conversation step (progress views have no buttons). */
    static boolean isStep(ShownMessage m) {
        return !m.loading() && m.buttons().stream().anyMatch(b -> b.customId() != null && b.customId().startsWith("mh1|r|"));
    }

    static String node(ShownMessage m) {
        return m.buttons().stream().map(ShownMessage.Button::customId)
                .filter(id -> id != null && id.startsWith("mh1|r|")).findFirst()
                .map(id -> id.split("\\|", -1)[2]).orElseThrow(() -> new AssertionError("no step on " + m));
    }

    String node() {
        return node(shown);
    }

    /** Clicks option {@code index} (a button, or the select menu when the options did not fit). */
    ShownMessage choose(int index) {
        String node = node();
        String buttonId = "mh1|o|" + node + "|" + index;
        int before = shown.revision();
        Optional<ShownMessage.Button> button = shown.buttons().stream().filter(b -> buttonId.equals(b.customId())).findFirst();
        if (button.isPresent()) {
            last = sim.clickButton(user, locale, shown, buttonId);
        } else {
            ShownMessage.Select select = shown.selects().stream().filter(s -> s.customId().startsWith("mh1|s|" + node + "|"))
                    .filter(s -> s.options().stream().anyMatch(o -> o.value().equals(Integer.toString(index))))
                    .findFirst().orElseThrow(() -> new AssertionError("option " + index + " not offered on " + shown));
            last = sim.selectOption(user, locale, shown, select.customId(), Integer.toString(index));
        }
        shown = awaitStep("the step after option " + index, before, patience);
        return shown;
    }

    /** Opens the input modal of this step, types {@code value} and waits for the next step. */
    ShownMessage enter(String value) {
        return enter(value, patience);
    }

    ShownMessage enter(String value, Duration timeout) {
        ShownMessage.Button input = shown.buttons().stream().filter(b -> b.customId() != null && b.customId().startsWith("mh1|i|"))
                .findFirst().orElseThrow(() -> new AssertionError("no input button on " + shown));
        SimInteraction click = sim.clickButton(user, locale, shown, input.customId());
        click.awaitModal();
        int before = shown.revision();
        String inputId = click.modal().orElseThrow().path("components").get(0).path("components").get(0).path("custom_id").asText();
        last = sim.submitModal(click, Map.of(inputId, value));
        shown = awaitStep("the step after entering '" + value + "'", before, timeout);
        return shown;
    }

    /**
     * The next step: the message with the step's buttons, which is the updated message itself or,
     * when the step came in several parts, the last follow-up.
     */
    private ShownMessage awaitStep(String what, int before, Duration timeout) {
        long previous = shown.id();
        SimInteraction interaction = last;
        return dev.mailhelp.discordsim.Await.until(what, timeout, () -> {
            java.util.List<ShownMessage> candidates = new java.util.ArrayList<>();
            interaction.original().ifPresent(candidates::add);
            candidates.addAll(interaction.followups());
            return candidates.stream().filter(SimulatedUser::isStep)
                    .filter(m -> m.id() != previous || m.revision() > before)
                    .reduce((a, b) -> b);
        }, interaction::toString);
    }

    /** Everything the last answer showed, over all its parts (a long report comes in several messages). */
    String allText() {
        StringBuilder text = new StringBuilder(last.original().map(ShownMessage::text).orElse(""));
        last.followups().forEach(f -> text.append(f.text()));
        return text.toString();
    }

    /** The step's own title (its embed comes after the findings). */
    String title() {
        return shown.embeds().get(shown.embeds().size() - 1).path("title").asText();
    }

    void assertAt(String nodeId, String expectedTitle) {
        assertEquals(nodeId, node(), () -> "at " + shown);
        assertEquals(expectedTitle, title(), () -> "title at " + nodeId + ": " + shown);
    }
}
