package dev.mailhelp.discord;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads the text of .eml and .txt attachments from Discord's CDN for the bounce reader.
 * Only Discord's attachment hosts over HTTPS, with a timeout and a size limit: a message's
 * attachment URL must never make the bot fetch anything else.
 *
 * <p>A bounce attachment may be as large as Discord lets anyone upload ({@link #MAX_BYTES}): a
 * bounce that returns the original message with its attachments is that large. The download is
 * streamed and stops after {@link #BOUNCE_KEEP_BYTES}, the bounce reader's own limit plus one byte,
 * so the reader knows the input went on and reads it without the returned copy, as it does for a
 * large .eml given to the command line. Nothing beyond that is downloaded or kept in memory.
 */
final class AttachmentReader {

    /**
     * Discord's attachment size limit for a user without Nitro (25 MiB; the brief of issue 10,
     * https://support.discord.com/hc/en-us/articles/360028038352, checked 2026-12-04 from a stored
     * copy: Discord has announced lower limits for some accounts, so this is an upper bound).
     */
    static final long MAX_BYTES = 25L * 1024 * 1024;
    /** What the bounce reader reads (512 KiB) plus one byte: anything more would be thrown away. */
    static final int BOUNCE_KEEP_BYTES = 512 * 1024 + 1;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");

    record Attachment(String fileName, String url, long size) { }

    private final HttpClient client;

    AttachmentReader(HttpClient client) {
        this.client = client;
    }

    static boolean readable(Attachment attachment) {
        return readable(attachment, MAX_BYTES);
    }

    static boolean readable(Attachment attachment, long maxBytes) {
        String name = attachment.fileName().toLowerCase(Locale.ROOT);
        return (name.endsWith(".eml") || name.endsWith(".txt")) && attachment.size() <= maxBytes;
    }

    /**
     * The texts of the readable attachments, each cut after {@link #BOUNCE_KEEP_BYTES} (for the
     * bounce reader); unreadable ones are skipped, never fatal.
     */
    CompletableFuture<List<String>> read(List<Attachment> attachments) {
        return read(attachments, MAX_BYTES, BOUNCE_KEEP_BYTES);
    }

    /**
     * As {@link #read(List)}, whole files up to a size limit of their own (a delivered message is
     * read entire); a file that turns out larger than the limit is skipped.
     */
    CompletableFuture<List<String>> read(List<Attachment> attachments, long maxBytes) {
        return read(attachments, maxBytes, -1);
    }

    /** @param keep bytes kept from the start of each file (the rest is not downloaded), or -1 for the whole file */
    private CompletableFuture<List<String>> read(List<Attachment> attachments, long maxBytes, int keep) {
        List<CompletableFuture<String>> downloads = new ArrayList<>();
        for (Attachment attachment : attachments) {
            if (!readable(attachment, maxBytes)) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(attachment.url());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!"https".equals(uri.getScheme()) || !HOSTS.contains(uri.getHost())) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
            downloads.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(response -> response.statusCode() == 200 ? text(response.body(), maxBytes, keep) : "")
                    .exceptionally(error -> ""));
        }
        return CompletableFuture.allOf(downloads.toArray(new CompletableFuture[0])).thenApply(x -> {
            List<String> texts = new ArrayList<>();
            downloads.forEach(d -> {
                String text = d.join();
                if (!text.isBlank()) {
                    texts.add(text);
                }
            });
            return texts;
        });
    }

    /**
     * Reads at most what is needed from the body and closes it (which ends the download): the
     * first {@code keep} bytes, or the whole file when it is within {@code maxBytes} (else "").
     */
    private static String text(InputStream body, long maxBytes, int keep) {
        try (InputStream in = body) {
            if (keep > 0) {
                return new String(in.readNBytes(keep), StandardCharsets.UTF_8);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? "" : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static HttpClient defaultClient() {
        // HTTP/2 where offered: many acknowledgements share one connection to Discord. The JVM's
        // proxy settings apply, as they do for Javacord's own connections.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER);
        java.util.Optional.ofNullable(java.net.ProxySelector.getDefault()).ifPresent(builder::proxy);
        return builder.build();
    }
}
