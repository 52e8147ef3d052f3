#!/usr/bin/python3
"""Generates the dkimpy cross-check corpus: messages signed by dkimpy (Debian python3-dkim) with
every canonicalisation, RSA 1024/2048/3072 and Ed25519 keys, l=, several signatures, oversigned
headers and key record variants, plus tampered copies; each verified by dkimpy itself.

Run once with Debian's interpreter (/usr/bin/python3 generate.py); the output (messages/, zone.yaml,
expected.json) is committed. Keys are made here, for these tests only."""
import base64, json, os, subprocess, sys, time
import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa, ed25519

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "messages")
os.makedirs(OUT, exist_ok=True)
DOMAIN = b"ref.example"

def rsa_key(bits):
    k = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    priv = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption())
    pub = k.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv, base64.b64encode(pub).decode()

def ed_key():
    k = ed25519.Ed25519PrivateKey.generate()
    seed = k.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    pub = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(seed), base64.b64encode(pub).decode()

keys = {}
zone = {}
for bits in (1024, 2048, 3072):
    priv, pub = rsa_key(bits)
    sel = "rsa%d" % bits
    keys[sel] = ("rsa", priv)
    zone[sel] = "v=DKIM1; k=rsa; p=" + pub
ed_priv, ed_pub = ed_key()
keys["ed"] = ("ed25519", ed_priv)
zone["ed"] = "v=DKIM1; k=ed25519; p=" + ed_pub
# key record variants, all for the 2048-bit key
p2048 = zone["rsa2048"].split("p=")[1]
zone["nov"] = "k=rsa; p=" + p2048
zone["hsha"] = "v=DKIM1; h=sha256; k=rsa; p=" + p2048
zone["semail"] = "v=DKIM1; s=email; p=" + p2048
zone["testing"] = "v=DKIM1; t=y; p=" + p2048
zone["spaces"] = "v=DKIM1 ;  k = rsa ; p = " + p2048[:100] + " " + p2048[100:]
zone["revoked"] = "v=DKIM1; k=rsa; p="
zone["notemail"] = "v=DKIM1; s=tlsrpt; p=" + p2048
for alias in ("nov", "hsha", "semail", "testing", "spaces", "revoked", "notemail", "servfail", "timeout", "missing"):
    keys[alias] = keys["rsa2048"]
zone["servfail"] = "SERVFAIL"
zone["timeout"] = "TIMEOUT"

BODY = (b"Hello,\r\n\r\nThe quarterly figures  are attached.\t See you\r\n"
        b"on Monday.   \r\n\r\n-- \r\nAlice\r\n\r\n\r\n")
def headers(i, extra=b""):
    return (b"From: Alice Sender <alice@ref.example>\r\n"
            b"To: Bob <bob@rcpt.example>\r\n"
            b"Subject: Report number %d\r\n"
            b"Date: Mon, 03 Jun 2024 10:15:00 +0000\r\n"
            b"Message-ID: <ref-%d@ref.example>\r\n" % (i, i) + extra)

def sign(msg, sel, canon, length=False, include=None, oversign=False):
    kind, priv = keys[sel]
    inc = include or [b"from", b"to", b"subject", b"date", b"message-id"]
    if kind == "ed25519":
        return dkim.sign(msg, sel.encode(), DOMAIN, priv, canonicalize=canon, include_headers=inc,
                         signature_algorithm=b"ed25519-sha256", length=length) + msg
    d = dkim.DKIM(msg)
    if oversign:
        d.add_should_not(())
        sig = d.sign(sel.encode(), DOMAIN, priv, canonicalize=canon, include_headers=inc + [b"from", b"subject"], length=length)
    else:
        sig = d.sign(sel.encode(), DOMAIN, priv, canonicalize=canon, include_headers=inc, length=length)
    return sig + msg

def dnsfunc(name, timeout=5):
    n = name.decode() if isinstance(name, bytes) else name
    sel = n.split("._domainkey.")[0]
    v = zone.get(sel)
    if v is None or v in ("SERVFAIL", "TIMEOUT"):
        return None
    return v.encode()

cases = []
def add(name, msg, note, rfc=None):
    path = os.path.join(OUT, name + ".eml")
    with open(path, "wb") as f:
        f.write(msg)
    results = []
    d = dkim.DKIM(msg)
    sigs = [h for h in d.headers if h[0].lower() == b"dkim-signature"]
    for idx in range(len(sigs)):
        try:
            ok = d.verify(idx=idx, dnsfunc=dnsfunc)
            res = "pass" if ok else "fail"
        except dkim.ValidationError as e:
            # dkimpy raises for a body hash mismatch, which RFC 6376 6.3 calls a failed verification
            res = "fail" if "body hash mismatch" in str(e) else "permerror"
        except Exception as e:
            res = "temperror"
        tags = dkim.util.parse_tag_value(sigs[idx][1])
        results.append({"domain": tags[b"d"].decode(), "selector": tags[b"s"].decode(), "dkimpy": res})
    case = {"id": name, "file": "messages/" + name + ".eml", "note": note, "signatures": results}
    if rfc:
        case["rfc"] = rfc
    cases.append(case)

canons = [(b"simple", b"simple"), (b"simple", b"relaxed"), (b"relaxed", b"simple"), (b"relaxed", b"relaxed")]
i = 0
for sel in ("rsa1024", "rsa2048", "rsa3072", "ed"):
    for hc, bc in canons:
        for length in (False, True):
            i += 1
            tag = "%s-%s%s%s" % (sel, hc.decode()[0], bc.decode()[0], "-l" if length else "")
            signed = sign(headers(i) + b"\r\n" + BODY, sel, (hc, bc), length=length)
            add(tag, signed, "signed")
            # tampered copies
            add(tag + "-body", signed.replace(b"quarterly", b"yearly"), "body changed")
            add(tag + "-subject", signed.replace(b"Subject: Report", b"Subject: Fwd: Report"), "signed header changed")
            add(tag + "-ws", signed.replace(b"figures  are", b"figures     are"), "body white space changed (relaxed tolerates)")
            add(tag + "-hdrws", signed.replace(b"To: Bob", b"To:  Bob"), "header white space changed (relaxed tolerates)")
            add(tag + "-added", b"X-Added: by a relay\r\n" + signed, "unsigned header added")
            if length:
                add(tag + "-footer", signed + b"--\r\nFooter added by a list\r\n", "footer appended after l=")
for sel in ("nov", "hsha", "semail", "testing", "spaces", "revoked", "notemail", "servfail", "timeout", "missing"):
    i += 1
    add("key-" + sel, sign(headers(i) + b"\r\n" + BODY, sel, (b"relaxed", b"relaxed")), "key record variant " + sel,
        rfc={"servfail": "temperror", "timeout": "temperror", "missing": "permerror", "revoked": "permerror", "notemail": "permerror"}.get(sel))
for n in range(3):
    i += 1
    m = headers(i) + b"\r\n" + BODY
    m = sign(m, "rsa2048", (b"relaxed", b"relaxed"))
    m = sign(m, "ed", (b"relaxed", b"relaxed"))
    add("multi-%d" % n, m, "two signatures, RSA and Ed25519")
    add("multi-%d-body" % n, m.replace(b"Monday", b"Friday"), "two signatures, body changed")
i += 1
over = sign(headers(i) + b"\r\n" + BODY, "rsa2048", (b"relaxed", b"relaxed"), oversign=True)
add("oversigned", over, "From and Subject oversigned")
add("oversigned-added-subject", over.replace(b"Subject: Report", b"Subject: Injected\r\nSubject: Report"), "a second Subject added")

zone_lines = ["# DKIM keys of the dkimpy cross-check corpus (YAML zone format). Generated by generate.py."]
for sel, v in sorted(zone.items()):
    if sel == "missing":
        continue
    name = "%s._domainkey.ref.example:" % sel
    if v in ("SERVFAIL", "TIMEOUT"):
        zone_lines += [name, "- " + v]
    else:
        zone_lines += [name, "- TXT: " + json.dumps(v)]
with open(os.path.join(HERE, "zone.yaml"), "w") as f:
    f.write("\n".join(zone_lines) + "\n")
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump({"generator": "dkimpy " + getattr(dkim, "__version__", "?"), "count": len(cases), "cases": cases}, f, indent=1)
print(len(cases), "messages")
