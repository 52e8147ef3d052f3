package dev.mailhelp.discordsim;

/**
 * One REST request as the simulator saw it.
 *
 * @param connection the tunnel it came on (1, 2, ... in the order the bot opened them): requests
 *                   with the same number shared one kept-alive connection
 * @param userAgent  who sent it (Javacord and the bot's own acknowledgements name themselves differently)
 */
public record RestRequest(int connection, String method, String path, String userAgent, int status) {

    public boolean isCallback() {
        return method.equals("POST") && path.endsWith("/callback") && path.contains("/interactions/");
    }
}
