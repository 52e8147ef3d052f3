# Mail::SPF (Debian libmail-spf-perl) as an SPF reference for SpfReferenceCrossCheckTest.
# Usage: perl mailspf-check.pl; reads "port<TAB>id<TAB>ip<TAB>mailfrom<TAB>helo" lines on stdin
# and prints "id<TAB>result" for each, asking only the DNS server on 127.0.0.1 at the line's port.
use strict;
use warnings;
use Mail::SPF;
use Net::DNS::Resolver;

my %servers;
$| = 1;
while (my $line = <STDIN>) {
    chomp $line;
    next if $line eq '';
    my ($port, $case, $ip, $mailfrom, $helo) = split /\t/, $line, -1;
    # one SPF server per DNS port; Mail::SPF keeps no cache between requests
    my $server = $servers{$port} //= Mail::SPF::Server->new(max_void_dns_lookups => 2,
        dns_resolver => Net::DNS::Resolver->new(nameservers => ['127.0.0.1'], port => $port, recurse => 1,
            udp_timeout => 2, tcp_timeout => 2, retry => 1, retrans => 1));
    my $result = eval {
        my $request = $mailfrom ne ''
            ? Mail::SPF::Request->new(scope => 'mfrom', identity => $mailfrom, ip_address => $ip,
                helo_identity => $helo)
            : Mail::SPF::Request->new(scope => 'helo', identity => $helo, ip_address => $ip,
                helo_identity => $helo);
        $server->process($request)->code;
    };
    if (!defined $result) {
        # e.g. Net::DNS refusing to build a question for a malformed name
        my $why = $@;
        $why =~ s/\s+/ /g;
        $why =~ s/ at \S+ line \d+.*//;
        $result = 'crash:' . substr($why, 0, 60);
    }
    print "$case\t$result\n";
}
