package dev.mailhelp.dns;

import java.security.SecureRandom;
import java.util.BitSet;

/**
 * Message ids that no other question of this process has while it waits for its answer.
 * dnsjava sends every TCP question to a server over one shared, pipelined connection and hands
 * each answer to the first waiting question with the same 16-bit id; with thousands of questions
 * waiting (every UDP answer truncated, a batch of SPF checks) random ids collide, and the question
 * that gets a stranger's answer fails. Unique ids make that impossible. Ids stay random (RFC 5452).
 */
final class QueryIds {

    /** Process-wide: all clients' TCP questions to a server share dnsjava's one connection. */
    static final QueryIds SHARED = new QueryIds();

    /** Leave room so that finding a free id by random probing stays quick. */
    private static final int MAX_IN_USE = 60_000;

    private final BitSet inUse = new BitSet(65536);
    private final SecureRandom random = new SecureRandom();
    private int count;

    /** A free id, marked in use; blocks briefly only when 60,000 questions are already waiting. */
    synchronized int acquire() {
        while (count >= MAX_IN_USE) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a free DNS message id", e);
            }
        }
        int id;
        do {
            id = random.nextInt(65536);
        } while (inUse.get(id));
        inUse.set(id);
        count++;
        return id;
    }

    /** Called when dnsjava has finished with the question (answered, failed or timed out itself). */
    synchronized void release(int id) {
        if (inUse.get(id)) {
            inUse.clear(id);
            count--;
            notifyAll();
        }
    }

    synchronized int inUse() {
        return count;
    }
}
