# pyspf (Debian python3-spf) as an SPF reference for SpfReferenceCrossCheckTest.
# Usage: python3 pyspf-check.py; reads "port<TAB>id<TAB>ip<TAB>mailfrom<TAB>helo" lines on stdin
# and prints "id<TAB>result" for each, asking only the DNS server on 127.0.0.1 at the line's port.
import sys

import dns.resolver
import spf

resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = ['127.0.0.1']
resolver.timeout = 2.0
resolver.lifetime = 2.0
dns.resolver.default_resolver = resolver

for line in sys.stdin:
    line = line.rstrip('\n')
    if not line:
        continue
    port, case, ip, mailfrom, helo = line.split('\t')
    resolver.port = int(port)
    try:
        result, _explanation = spf.check2(i=ip, s=mailfrom, h=helo, timeout=5, querytime=0)
    except Exception as e:  # a crash of the reference is its own answer, never ours
        result = 'crash:' + type(e).__name__
    print(case + '\t' + result.lower(), flush=True)
