#!/usr/bin/perl
# Reads bounce files with Sisimai (Debian libsisimai-perl) and prints one JSON object per file on
# one line: {"file": NAME, "results": [{"status", "replycode", "reason", "feedbacktype"}, ...]}.
# Used by dev.mailhelp.bench.SisimaiComparison to put the reference library's reading next to
# mailhelp's; "delivered" and "vacation" are turned on as the corpus labels were made with them.
use strict;
use warnings;
use Sisimai;
use JSON::PP;
use File::Basename qw(basename);

my $json = JSON::PP->new->canonical(1)->utf8(1);
binmode STDOUT;
for my $path (@ARGV) {
    my $out = { file => basename($path), results => [] };
    my $list = eval { Sisimai->make($path, delivered => 1, vacation => 1) };
    if ($@) {
        $out->{error} = "$@";
    } elsif ($list) {
        for my $d (@$list) {
            push @{ $out->{results} }, {
                status       => ($d->deliverystatus // '') . '',
                replycode    => ($d->replycode // '') . '',
                reason       => ($d->reason // '') . '',
                feedbacktype => ($d->feedbacktype // '') . '',
            };
        }
    }
    print $json->encode($out), "\n";
}
