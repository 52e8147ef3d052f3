#!/usr/bin/perl
# Lists the wordings the installed Sisimai (Debian libsisimai-perl) documents in its own modules,
# read from their source at run time (nothing of Sisimai is copied into mailhelp): each
# Sisimai/Reason/*.pm's index of strings and its regular expression, the wording -> reason tables
# of Sisimai/Lhost/*.pm ($messagesof, $refailures) and Sisimai/Rhost/*.pm ($messagesof, with the
# reply code and status each wording is listed under). A regular expression is turned into one
# example string per alternative (a character class gives its first character, x? gives x, x+
# gives x once, x* and .* give nothing). Prints one JSON object per line:
#   {"module", "table", "reason", "wording", "code", "status"}
# Used by dev.mailhelp.diagnosis.bounce.ReferenceWordingsAgreement.
use strict;
use warnings;
use JSON::PP;
use File::Basename qw(basename);

my $json = JSON::PP->new->canonical(1)->utf8(1);
binmode STDOUT;
my ($root) = grep { -d "$_/Sisimai/Reason" } @INC;
die "Sisimai is not installed\n" unless $root;
my $base = "$root/Sisimai";
my $cap = 300;    # example strings per regular expression at most

# The text of a file, and the Perl value of each "state $NAME = <literal>;" in it. The literal
# ends at the first ';' after which it evaluates: tried one ';' at a time.
sub slurp { my $f = shift; open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!"; local $/; <$fh> }
sub literals {
    my ($text, $name) = @_;
    my @out;
    while ($text =~ /state[ ]+\$$name[ ]*=[ ]*/g) {
        my $start = pos($text);
        my $end = $start;
        while (($end = index($text, ';', $end + 1)) > -1) {
            my $src = substr($text, $start, $end - $start);
            my $value = do { no strict; no warnings; local $@; my $v = eval $src; $@ ? undef : $v };
            if (defined $value) { push @out, $value; last }
        }
        pos($text) = $start;
    }
    return @out;
}

# --- Regular expression to example strings ---------------------------------------------------
# Parses the pattern of a Regexp (Perl's own stringification, flags in (?^x:...)) into a list of
# alternatives, each a list of atoms; expands by concatenation, at most $cap results.
sub expand {
    my ($re) = @_;
    my $p = "$re";
    my $x = $p =~ /\A\(\?\^[a-z]*x[a-z]*:/ ? 1 : 0;
    my $i = 0;
    my @r = alternation(\$p, \$i, $x);
    my %seen;
    return grep { length && !$seen{$_}++ } map { s/\s+/ /gr =~ s/\A\s+|\s+\z//gr } @r;
}
sub product {
    my ($a, $b) = @_;
    my @o;
    for my $s (@$a) { for my $t (@$b) { push @o, $s . $t; return @o if @o >= $cap } }
    return @o;
}
sub alternation {
    my ($p, $i, $x) = @_;
    my @all;
    my @cur = ('');
    while ($$i < length $$p) {
        my $c = substr($$p, $$i, 1);
        if ($c eq ')') { last }
        if ($c eq '|') { $$i++; push @all, @cur; @cur = (''); next }
        my @atom = atom($p, $i, $x);
        next unless @atom;
        # quantifier
        my $q = substr($$p, $$i, 1);
        if ($q eq '?' || $q eq '*') { $$i++; @atom = $q eq '*' ? ('') : @atom }
        elsif ($q eq '+') { $$i++ }
        elsif ($q eq '{' && substr($$p, $$i) =~ /\A\{(\d*)(?:,(\d*))?\}/) {
            $$i += length $&;
            my $n = $1 || 0;
            @atom = $n == 0 ? @atom : map { $_ x $n } @atom;
        }
        $$i++ if $$i < length $$p && substr($$p, $$i, 1) =~ /[?+]/;    # lazy / possessive
        @cur = product(\@cur, \@atom);
    }
    push @all, @cur;
    return @all > $cap ? @all[0 .. $cap - 1] : @all;
}
sub atom {
    my ($p, $i, $x) = @_;
    my $c = substr($$p, $$i, 1);
    if ($x && $c =~ /\s/) { $$i++; return () }
    if ($x && $c eq '#') { my $nl = index($$p, "\n", $$i); $$i = $nl < 0 ? length $$p : $nl + 1; return () }
    if ($c eq '(') {
        $$i++;
        if (substr($$p, $$i) =~ /\A\?(?:\^?[a-z]*:|>|:|<?[=!])/) {
            my $look = $& =~ /[=!]/;
            $$i += length $&;
            my @in = alternation($p, $i, $x);
            $$i++;    # ')'
            return $look ? ('') : @in;
        }
        my @in = alternation($p, $i, $x);
        $$i++;
        return @in;
    }
    if ($c eq '[') {
        my $j = $$i + 1;
        my $neg = substr($$p, $j, 1) eq '^';
        $j++ if $neg;
        my $body = '';
        $body .= substr($$p, $j++, 1) if substr($$p, $j, 1) eq ']';
        while ($j < length $$p && substr($$p, $j, 1) ne ']') {
            $body .= substr($$p, $j, 1) eq '\\' ? substr($$p, $j++, 2) : substr($$p, $j, 1);
            $j++;
        }
        $$i = $j + 1;
        return ('xyz') if $neg;
        my $first = substr($body, 0, 1) eq '\\' ? escape(substr($body, 1, 1)) : substr($body, 0, 1);
        return ($first);
    }
    if ($c eq '\\') { my $e = substr($$p, $$i + 1, 1); $$i += 2; return (escape($e)) }
    if ($c eq '.') { $$i++; return ('xyz') }
    if ($c eq '^' || $c eq '$') { $$i++; return ('') }
    $$i++;
    return ($c);
}
sub escape {
    my $e = shift;
    return ' ' if $e eq 's' || $e eq 't';
    return '1' if $e eq 'd';
    return 'a' if $e eq 'w';
    return '' if $e =~ /[AzZbBG]/;
    return $e;
}

# --- Tables --------------------------------------------------------------------------------
my %reasons;
for my $f (sort glob "$base/Reason/*.pm") {
    my $t = slurp($f);
    next unless $t =~ /sub text\s*\{\s*'([a-z]+)'/;
    $reasons{$1} = 1;
}
sub emit {
    my ($module, $table, $reason, $wording, $code, $status) = @_;
    return unless defined $wording && !ref $wording && $wording =~ /[a-z]{2}/i;
    print $json->encode({ module => $module, table => $table, reason => $reason, wording => $wording,
                          code => $code // '', status => $status // '' }), "\n";
}
sub entries {
    # One table value: a string, a Regexp, an array of them, or Rhost's [code/status..., text] rows.
    my ($module, $table, $reason, $v) = @_;
    if (ref $v eq 'Regexp') { emit($module, $table, $reason, $_) for expand($v); return }
    if (!ref $v) { emit($module, $table, $reason, $v); return }
    return unless ref $v eq 'ARRAY';
    my $refs = grep { ref } @$v;
    my $codes = grep { defined && /\A(?:[245]\d\d|[245]\.\d+\.\d*)\z/ } @$v;
    if (@$v && !$refs && $codes) {
        my ($code) = grep { /\A[245]\d\d\z/ } @$v;
        my ($status) = grep { /\A[245]\.\d+\.\d*\z/ } @$v;
        my @nums = grep { /\A\d+\z/ && !/\A[245]\d\d\z/ } @$v;
        $status .= $nums[0] if defined $status && $status =~ /\.\z/ && @nums;
        $status =~ s/\.\z/.0/ if defined $status;
        emit($module, $table, $reason, $v->[-1], $code, $status);
        return;
    }
    entries($module, $table, $reason, $_) for @$v;
}
for my $f (sort glob "$base/Reason/*.pm") {
    my $t = slurp($f);
    my ($reason) = $t =~ /sub text\s*\{\s*'([a-z]+)'/;
    my $module = 'Reason/' . basename($f);
    entries($module, 'index', $reason, $_) for literals($t, 'index');
    entries($module, 'regex', $reason, $_) for literals($t, 'regex');
}
for my $kind ('Lhost', 'Rhost') {
    for my $f (sort glob "$base/$kind/*.pm") {
        my $t = slurp($f);
        my $module = "$kind/" . basename($f);
        for my $table ('messagesof', 'refailures') {
            for my $h (literals($t, $table)) {
                next unless ref $h eq 'HASH';
                for my $reason (sort keys %$h) {
                    next unless $reasons{$reason};
                    entries($module, $table, $reason, $h->{$reason});
                }
            }
        }
    }
}
