# mailhelp container image: the self-contained runtime folder on a small glibc base, as a non-root user.
#
#   mvn -B -Pruntime package -DskipTests      # makes target/mailhelp-runtime/ (jlinked Java, jar, knowledge)
#   docker build -t mailhelp .
#
# The runtime folder is tested for real by the build (RuntimeServiceIT); this file itself cannot be
# built on the project's machines (no container engine or registry there), see README.
FROM debian:12-slim

# A jlinked runtime needs only glibc, zlib and CA certificates from the base image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin mailhelp

COPY --chown=root:root target/mailhelp-runtime/ /opt/mailhelp/
# Java 17 ties the class data sharing archive to the jar's path: write it again for /opt/mailhelp.
RUN /opt/mailhelp/bin/make-cds

# Settings come from the environment (DISCORD_TOKEN, MAILHELP_*); nothing is written at run time,
# so the root file system may be read-only. Replace the knowledge by mounting over /opt/mailhelp/knowledge
# (or point MAILHELP_KNOWLEDGE elsewhere); send SIGHUP to reload it.
ENV MAILHELP_HTTP_ADDRESS=0.0.0.0 \
    MAILHELP_HTTP_PORT=8080 \
    MAILHELP_LOG_FORMAT=json \
    MAILHELP_JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
USER 10001:10001
WORKDIR /opt/mailhelp
EXPOSE 8080
STOPSIGNAL SIGTERM
# /readyz over bash's /dev/tcp: no HTTP client needs to be in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/opt/mailhelp/bin/mailhelp"]
CMD ["discord"]
