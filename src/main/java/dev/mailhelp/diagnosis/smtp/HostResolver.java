package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Turns a server name into its addresses. The probe resolves names itself (instead of letting
 * the socket do it) so that the addresses the guard vetted are the ones connected to. Failures
 * complete the stage with a {@link HostResolutionException}.
 */
@FunctionalInterface
public interface HostResolver {

    CompletionStage<List<InetAddress>> resolve(String name);
}
