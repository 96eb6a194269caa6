package org.corridorgis.filter;

import java.text.Normalizer;

/**
 * The fixed translate() table behind ACCENTI: every precomposed letter with diacritics of the Latin-1 Supplement,
 * Latin Extended-A/B, Latin Extended Additional (incl. Vietnamese), Greek with tonos/dialytika and Cyrillic
 * (ё, й, ї, ...) is mapped to its base letter. Built from Unicode decomposition, so PostgreSQL needs no
 * {@code unaccent} extension. Both strings contain letters only (checked), never a quote.
 */
final class Accents {

    static final String FROM;
    static final String TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        int[][] ranges = {{0x00C0, 0x024F}, {0x1E00, 0x1EFF}, {0x0370, 0x03FF}, {0x0400, 0x04FF}};
        for (int[] r : ranges) {
            for (int c = r[0]; c <= r[1]; c++) {
                if (!Character.isLetter(c)) {
                    continue;
                }
                String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                if (d.length() < 2 || !Character.isLetter(d.charAt(0)) || Character.isSurrogate(d.charAt(0))) {
                    continue;
                }
                boolean marksOnly = true;
                for (int k = 1; k < d.length(); k++) {
                    int t = Character.getType(d.charAt(k));
                    marksOnly &= t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
                }
                if (marksOnly && c < 0x10000) {
                    from.append((char) c);
                    to.append(d.charAt(0));
                }
            }
        }
        // Letters without a canonical decomposition.
        String extraFrom = "ØøĐđŁłĦħŦŧƀƗɨı";
        String extraTo = "OoDdLlHhTtbIii";
        from.append(extraFrom);
        to.append(extraTo);
        for (int k = 0; k < from.length(); k++) {
            if (!Character.isLetter(from.charAt(k)) || !Character.isLetter(to.charAt(k))) {
                throw new IllegalStateException("accent table must contain letters only");
            }
        }
        FROM = from.toString();
        TO = to.toString();
    }

    private Accents() {
    }

    /** SQL text wrapping an already translated string expression. Fixed text, no user input. */
    static String wrap(String sqlExpression) {
        return "translate(" + sqlExpression + ", '" + FROM + "', '" + TO + "')";
    }
}
