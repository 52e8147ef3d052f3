package dev.mailhelp.diagnosis.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmarcTreeWalkTargetsTest {

    @Test
    void walksUpOneLabelAtATime() {
        assertEquals(List.of("a.mail.example.com", "mail.example.com", "example.com", "com"),
                DmarcTreeWalk.targets("a.mail.example.com"));
    }

    @Test
    void jumpsToSevenLabelsWhenThereAreEightOrMore() {
        assertEquals(List.of("a.b.c.d.e.f.g.h.i", "c.d.e.f.g.h.i", "d.e.f.g.h.i", "e.f.g.h.i", "f.g.h.i", "g.h.i", "h.i", "i"),
                DmarcTreeWalk.targets("a.b.c.d.e.f.g.h.i"));
        assertEquals(8, DmarcTreeWalk.targets("a.b.c.d.e.f.g.h").size());
        assertEquals("b.c.d.e.f.g.h", DmarcTreeWalk.targets("a.b.c.d.e.f.g.h").get(1));
    }

    @Test
    void publicSuffixListGivesTheRegistrableDomain() {
        assertEquals(Optional.of("example.co.uk"), PublicSuffixCrossCheck.registrableDomain("mail.shop.example.co.uk"));
        assertEquals(Optional.of("example.com"), PublicSuffixCrossCheck.registrableDomain("example.com"));
        assertEquals(Optional.empty(), PublicSuffixCrossCheck.registrableDomain("good.test"), "test is not on the list");
        assertEquals(Optional.empty(), PublicSuffixCrossCheck.registrableDomain("co.uk"));
    }
}
