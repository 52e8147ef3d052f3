package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Does a certificate name the server? RFC 6125 rules as mail clients apply them: DNS names in
 * subjectAltName (a "*" only as the whole left-most label, matching exactly one label), IP
 * addresses against IP entries, and the subject CN only when there are no DNS entries at all.
 * Our own because the JDK's checker is internal, and because the probe must report a mismatch
 * rather than abort the handshake on it.
 */
final class HostnameMatcher {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    static boolean matches(X509Certificate cert, String host, boolean isAddress) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS) {
                        dns.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
                    } else if (type == SAN_IP) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (isAddress) {
            for (String ip : ips) {
                if (sameAddress(ip, host)) {
                    return true;
                }
            }
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (dns.isEmpty()) {
            String cn = commonName(cert);
            return cn != null && nameMatches(cn.toLowerCase(Locale.ROOT), h);
        }
        return dns.stream().anyMatch(pattern -> nameMatches(pattern, h));
    }

    /** The names a certificate is valid for, for evidence ("the certificate is for mail.other.example"). */
    static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS || type == SAN_IP) {
                        out.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall through to the CN
        }
        if (out.isEmpty()) {
            String cn = commonName(cert);
            if (cn != null) {
                out.add(cn);
            }
        }
        return out;
    }

    static boolean nameMatches(String pattern, String host) {
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (p.startsWith("*.")) {
            String suffix = p.substring(1);
            if (suffix.indexOf('.', 1) < 0) {
                return false; // "*.com" is never acceptable
            }
            int firstDot = host.indexOf('.');
            return firstDot > 0 && host.substring(firstDot).equals(suffix);
        }
        return !p.contains("*") && p.equals(host);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals here (SAN IP entries and a typed address), so nothing is looked up.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
