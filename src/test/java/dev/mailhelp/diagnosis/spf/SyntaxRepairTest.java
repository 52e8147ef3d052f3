package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The records the linter offers for common mistakes, and none where the intent is unclear. */
class SyntaxRepairTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 inclde:_spf.google.com -all|v=spf1 include:_spf.google.com -all",
        "v=spf1 ~inlcude:_spf.google.com ~all|v=spf1 ~include:_spf.google.com ~all",
        "v=spf1 redirect:_spf.example.com|v=spf1 redirect=_spf.example.com",
        "v=spf1 ip4:2001:db8::/32 -all|v=spf1 ip6:2001:db8::/32 -all",
        "v=spf1 ip6:192.0.2.0/24 -all|v=spf1 ip4:192.0.2.0/24 -all",
        "v=spf1 mx, include:_spf.google.com; -all|v=spf1 mx include:_spf.google.com -all",
        "v=spf1 exist:%{i}.bl.example.com -all|v=spf1 exists:%{i}.bl.example.com -all",
    })
    void repairsCommonMistakes(String broken, String expected) {
        assertEquals(Optional.of(expected), SyntaxRepair.repaired(broken));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 zzzzzz -all",
        "v=spf1 ip4:1.2.3.4/40 -all",
        "v=spf1 -all",
        "v=spf2.0/pra -all",
    })
    void offersNothingWhenUnsure(String record) {
        assertEquals(Optional.empty(), SyntaxRepair.repaired(record));
    }
}
