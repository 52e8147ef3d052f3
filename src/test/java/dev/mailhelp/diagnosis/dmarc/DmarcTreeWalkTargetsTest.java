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
    void jumpsToFourLabelsWhenThereAreFiveOrMore() {
        // The example of RFC 9989's DNS Tree Walk section: at most five queries.
        assertEquals(List.of("a.b.c.d.e.mail.example.com", "e.mail.example.com", "mail.example.com", "example.com", "com"),
                DmarcTreeWalk.targets("a.b.c.d.e.mail.example.com"));
        assertEquals(List.of("a.b.c.d.e", "b.c.d.e", "c.d.e", "d.e", "e"), DmarcTreeWalk.targets("a.b.c.d.e"));
        assertEquals(List.of("example.com", "com"), DmarcTreeWalk.targets("example.com"));
    }

    @Test
    void publicSuffixListGivesTheRegistrableDomain() {
        assertEquals(Optional.of("example.co.uk"), PublicSuffixCrossCheck.registrableDomain("mail.shop.example.co.uk"));
        assertEquals(Optional.of("example.com"), PublicSuffixCrossCheck.registrableDomain("example.com"));
        assertEquals(Optional.empty(), PublicSuffixCrossCheck.registrableDomain("good.test"), "test is not on the list");
        assertEquals(Optional.empty(), PublicSuffixCrossCheck.registrableDomain("co.uk"));
    }
}
