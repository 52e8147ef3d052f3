#!/usr/bin/python3
"""Generates the ARC cross-check corpus: messages DKIM-signed by ref.example, then forwarded through
one to three hops that each add Authentication-Results and an ARC set with dkimpy's ARC signer
(Debian python3-dkim, dkim.ARC.sign), plus broken copies: a body or a sealed header changed after
hop N, a set removed, a chain marked cv=fail, a forwarder's key missing. Each message is verified
by dkimpy's own arc_verify; expected.json holds its verdict and, per instance, whether that
instance's ARC-Message-Signature still verifies (dkimpy's 'ams-valid').

Run once with Debian's interpreter (/usr/bin/python3 generate.py); the output (messages/, zone.yaml,
expected.json) is committed. Keys are made here, for these tests only."""
import base64, json, os, re
import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "messages")
os.makedirs(OUT, exist_ok=True)
T0 = 1733300000  # fixed signing time (2024-12-04), no expiry: the corpus stays valid

def rsa_key(bits=2048):
    k = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    priv = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption())
    pub = k.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv, base64.b64encode(pub).decode()

ORIGIN = "ref.example"
HOPS = ["fwd1.example", "list2.example", "fwd3.example"]
keys, zone = {}, {}
for d in [ORIGIN] + HOPS:
    priv, pub = rsa_key()
    keys[d] = priv
    zone["sel._domainkey." + d] = "v=DKIM1; k=rsa; p=" + pub
# a forwarder whose key is not published
keys["nokey.example"] = rsa_key()[0]

def dnsfunc(name, timeout=5):
    n = (name.decode() if isinstance(name, bytes) else name).rstrip(".")
    v = zone.get(n)
    return v.encode() if v else None

BODY = b"Hello,\r\n\r\nThe minutes of Tuesday are below.\r\n\r\n-- \r\nAlice\r\n"
def original(i):
    msg = (b"From: Alice <alice@ref.example>\r\n"
           b"To: team@list2.example\r\n"
           b"Subject: Minutes %d\r\n"
           b"Date: Wed, 04 Dec 2024 08:13:20 +0000\r\n"
           b"Message-ID: <arc-%d@ref.example>\r\n\r\n" % (i, i)) + BODY
    sig = dkim.sign(msg, b"sel", ORIGIN.encode(), keys[ORIGIN], include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    return sig + msg

def arc_state(msg):
    cv, results, reason = dkim.arc_verify(msg, dnsfunc=dnsfunc)
    return (cv or b"fail").decode(), results, reason

def hop(msg, domain, key_domain=None, modify=None):
    """A forwarder: verify what arrived, write its Authentication-Results, change the message if it
    is a list that does (footer), seal."""
    cv, _, _ = arc_state(msg)
    dk = dkim.verify(msg, dnsfunc=dnsfunc)
    ar = "Authentication-Results: %s; dkim=%s header.d=ref.example; spf=pass smtp.mailfrom=ref.example" % (
        domain, "pass" if dk else "fail")
    if cv != "none" and b"ARC-Seal" in msg:
        ar += "; arc=%s" % cv
    msg = ar.encode() + b"\r\n" + msg
    if modify:
        msg = modify(msg)
    a = dkim.ARC(msg)
    a.add_should_not(())
    lines = a.sign(b"sel", domain.encode(), keys[key_domain or domain], domain.encode(),
                   include_headers=[b"from", b"to", b"subject", b"date", b"message-id"], timestamp=T0)
    return b"".join(lines) + msg

def change_body(msg, text=b"[list footer] unsubscribe: https://list2.example/u\r\n"):
    return msg + text

def change_aar(msg, instance):
    return re.sub(rb"(ARC-Authentication-Results: i=%d; [a-z0-9.]+; dkim=)(pass|fail)" % instance,
                  lambda m: m.group(1) + (b"fail" if m.group(2) == b"pass" else b"pass"), msg, count=1)

def drop_set(msg, instance):
    out, skip = [], False
    for line in msg.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            if not skip:
                out.append(line)
            continue
        skip = line.lower().startswith((b"arc-seal:", b"arc-message-signature:", b"arc-authentication-results:")) \
            and re.search(rb"\bi=%d;" % instance, line) is not None
        if not skip:
            out.append(line)
    return b"\r\n".join(out)

cases = []
def add(cid, note, msg, broken_at=0):
    path = os.path.join(OUT, cid + ".eml")
    with open(path, "wb") as f:
        f.write(msg)
    cv, results, reason = arc_state(msg)
    ams = {str(r["instance"]): bool(r.get("ams-valid")) for r in results}
    cases.append({"id": cid, "file": "messages/" + cid + ".eml", "note": note, "hops": msg.count(b"ARC-Seal:"),
                  "dkimpy": cv, "dkimpy_reason": reason, "ams_valid": ams, "broken_at": broken_at})

n = 0
for hops in (1, 2, 3):
    n += 1
    m = original(n)
    for h in range(hops):
        m = hop(m, HOPS[h])
    add("pass-%d" % hops, "%d hops, nothing changed" % hops, m)

    # a list that changes the body before it seals: the chain passes, older AMS no longer verify
    if hops >= 2:
        n += 1
        m = original(n)
        m = hop(m, HOPS[0])
        m = hop(m, HOPS[1], modify=change_body)
        for h in range(2, hops):
            m = hop(m, HOPS[h])
        add("footer-at-hop2-of-%d" % hops, "hop 2 (a list) verified the chain, added a footer, then sealed", m)

    # a non-ARC relay changes the body after the last hop: the newest AMS fails
    for after in range(1, hops + 1):
        n += 1
        m = original(n)
        for h in range(hops):
            m = hop(m, HOPS[h])
            if h + 1 == after:
                m = change_body(m)
        add("body-after-hop%d-of-%d" % (after, hops), "body changed after hop %d of %d" % (after, hops), m, broken_at=hops if after == hops else after + 1)

    # a sealed ARC-Authentication-Results changed after sealing: seals from that instance on fail
    for inst in range(1, hops + 1):
        n += 1
        m = original(n)
        for h in range(hops):
            m = hop(m, HOPS[h])
        add("aar%d-changed-of-%d" % (inst, hops), "ARC-Authentication-Results i=%d changed" % inst, change_aar(m, inst), broken_at=inst)

    if hops >= 2:
        for inst in range(1, hops):
            n += 1
            m = original(n)
            for h in range(hops):
                m = hop(m, HOPS[h])
            add("gap%d-of-%d" % (inst, hops), "ARC set i=%d removed" % inst, drop_set(m, inst), broken_at=inst)

        n += 1
        m = original(n)
        m = hop(m, HOPS[0])
        m = hop(m, HOPS[1], key_domain="nokey.example")
        for h in range(2, hops):
            m = hop(m, HOPS[h])
        add("wrongkey-hop2-of-%d" % hops, "hop 2 sealed with a key that is not the published one", m, broken_at=hops)

# a forwarder that finds the chain broken seals with cv=fail
n += 1
m = original(n)
m = hop(m, HOPS[0])
m = change_body(m)
m = hop(m, HOPS[1])
add("cvfail-2", "hop 2 found the chain broken and sealed cv=fail", m, broken_at=2)

with open(os.path.join(HERE, "zone.yaml"), "w") as f:
    f.write("# DKIM and ARC keys of the ARC cross-check corpus (YAML zone format). Generated by generate.py.\n")
    for name in sorted(zone):
        f.write("%s:\n- TXT: \"%s\"\n" % (name, zone[name]))
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump({"generator": "generate.py with Debian python3-dkim " + getattr(dkim, "__version__", "?"),
               "count": len(cases), "cases": cases}, f, indent=1)
print(len(cases), "messages")
for c in cases:
    print(c["id"], c["dkimpy"], c["ams_valid"], c["dkimpy_reason"])
