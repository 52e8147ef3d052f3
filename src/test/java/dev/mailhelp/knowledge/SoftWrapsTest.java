package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftWrapsTest {

    @Test
    void joinsWrappedParagraphsButKeepsBlocks() {
        String in = "Pick the answer that fits;\nyou can go back.\n\n1. First item\n   continues here.\n2. Second\n- bullet\n"
                + "```\nv=spf1\n-all\n```\nEnd\nline";
        assertEquals("Pick the answer that fits; you can go back.\n\n1. First item continues here.\n2. Second\n- bullet\n"
                + "```\nv=spf1\n-all\n```\nEnd line", SoftWraps.join(in));
    }
}
