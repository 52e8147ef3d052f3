package dev.mailhelp.diagnosis.network;

import java.util.List;
import java.util.Optional;

/**
 * What the registry data says about one address.
 *
 * @param asNumbers   the autonomous systems announcing the prefix (usually one), without "AS"
 * @param prefix      the most specific announced prefix holding the address, e.g. 8.8.8.0/24
 * @param country     two-letter country code of the allocation, empty when not given
 * @param registry    the regional registry (ARIN, APNIC, RIPE NCC...), upper case, empty when not given
 * @param asName      the first AS's registered name, e.g. "GOOGLE, US"; empty when that lookup gave nothing
 */
public record NetworkOwner(List<String> asNumbers, String prefix, String country, String registry, String asName) {

    public NetworkOwner {
        asNumbers = List.copyOf(asNumbers);
    }

    /**
     * Reads one origin TXT string, "15169 | 8.8.8.0/24 | US | arin | 2023-12-28" (several AS
     * numbers are separated by spaces); empty when it has no AS number and prefix.
     */
    public static Optional<NetworkOwner> parseOrigin(String txt) {
        String[] fields = txt.split("\\|", -1);
        if (fields.length < 2) {
            return Optional.empty();
        }
        List<String> numbers = List.of(fields[0].trim().split("\\s+")).stream()
                .filter(n -> n.matches("\\d{1,10}")).toList();
        String prefix = fields[1].trim();
        if (numbers.isEmpty() || !prefix.matches("[0-9A-Fa-f:.]+/\\d{1,3}")) {
            return Optional.empty();
        }
        String country = fields.length > 2 ? fields[2].trim() : "";
        String registry = fields.length > 3 ? fields[3].trim().toUpperCase(java.util.Locale.ROOT) : "";
        if ("RIPENCC".equals(registry)) {
            registry = "RIPE NCC";
        }
        return Optional.of(new NetworkOwner(numbers, prefix, country, registry, ""));
    }

    /** The name field of an AS TXT string, "15169 | US | arin | 2000-03-30 | GOOGLE, US"; empty when absent. */
    public static String parseAsName(String txt) {
        String[] fields = txt.split("\\|", -1);
        return fields.length >= 5 ? fields[4].trim() : "";
    }

    /** The length of the prefix, so the most specific of several answers can be chosen. */
    int prefixLength() {
        return Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1));
    }

    NetworkOwner withAsName(String name) {
        return new NetworkOwner(asNumbers, prefix, country, registry, name);
    }

    /** "AS15169" or "AS13335, AS209242". */
    public String asText() {
        return String.join(", ", asNumbers.stream().map(n -> "AS" + n).toList());
    }
}
