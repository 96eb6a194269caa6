package org.corridorgis.filter;

/** Small helpers for messages. */
final class Text {
    private Text() {
    }

    /** Shortens user text quoted in an error message (messages go to the client, not into SQL). */
    static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > 40) {
            b.append("...");
        }
        return b.toString();
    }
}
