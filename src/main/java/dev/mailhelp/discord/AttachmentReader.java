package dev.mailhelp.discord;

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
 * Only Discord's attachment hosts over HTTPS, only small files, with a timeout: a message's
 * attachment URL must never make the bot fetch anything else.
 */
final class AttachmentReader {

    /** Bounce messages with their headers fit easily; anything larger is not a bounce. */
    static final long MAX_BYTES = 512 * 1024;
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

    /** The texts of the readable attachments; unreadable ones are skipped, never fatal. */
    CompletableFuture<List<String>> read(List<Attachment> attachments) {
        return read(attachments, MAX_BYTES);
    }

    /** As {@link #read(List)}, with a size limit of its own (a delivered message may be far larger than a bounce). */
    CompletableFuture<List<String>> read(List<Attachment> attachments, long maxBytes) {
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
            downloads.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> response.statusCode() == 200 && response.body().length <= maxBytes
                            ? new String(response.body(), StandardCharsets.UTF_8) : "")
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

    static HttpClient defaultClient() {
        // HTTP/2 where offered: many acknowledgements share one connection to Discord. The JVM's
        // proxy settings apply, as they do for Javacord's own connections.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER);
        java.util.Optional.ofNullable(java.net.ProxySelector.getDefault()).ifPresent(builder::proxy);
        return builder.build();
    }
}
