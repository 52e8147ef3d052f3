#!/usr/bin/env bash
# Builds the self-contained runtime folder from the shaded jar:
#   build-runtime.sh JAR KNOWLEDGE_DIR OUT_DIR
# OUT_DIR/runtime   a jlinked Java runtime with only the modules the jar needs (found by jdeps)
# OUT_DIR/lib       mailhelp.jar and mailhelp.jsa (class data sharing archive made here, at build time)
# OUT_DIR/knowledge the knowledge folder (a mount over it replaces it)
# OUT_DIR/bin       the mailhelp launcher
# Run by `mvn -Pruntime package`, and by RuntimeFolderIT in `mvn verify`.
set -euo pipefail
jar="$1"; knowledge="$2"; out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

rm -rf "$out"
mkdir -p "$out/lib" "$out/bin"

# Modules the classes name, plus the ones only reached as services or by name at run time:
# jdk.crypto.ec (TLS with elliptic curves: Discord, SMTP STARTTLS), jdk.naming.dns (dnsjava reads the
# system's DNS servers through JNDI when /etc/resolv.conf is not enough), jdk.localedata (zh-TW dates),
# java.management and jdk.management (JVM metrics), jdk.httpserver (the health and metrics port).
found="$("$java_home/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")"
modules="$found,jdk.crypto.ec,jdk.naming.dns,jdk.localedata,java.management,jdk.management,jdk.httpserver,jdk.unsupported"
echo "runtime modules: $modules"

"$java_home/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --include-locales=en,zh \
    --generate-cds-archive

cp "$jar" "$out/lib/mailhelp.jar"
cp -r "$knowledge" "$out/knowledge"
install -m 0755 "$here/mailhelp" "$out/bin/mailhelp"

install -m 0755 "$here/make-cds" "$out/bin/make-cds"

# The application's class data sharing archive, made now so one-shot commands start faster.
"$out/bin/make-cds"
du -sh "$out" | awk '{print "runtime folder: " $1}'
