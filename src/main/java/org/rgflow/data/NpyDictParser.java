package org.rgflow.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Python dict literal of an {@code .npy} header: keys {@code descr} (string),
 * {@code fortran_order} (True/False) and {@code shape} (tuple of ints). Strict: anything else is
 * reported as a damaged header.
 */
final class NpyDictParser {

    private final String text;
    private final String source;
    private int pos;
    private String descr;
    private Boolean fortranOrder;
    private long[] shape;

    NpyDictParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    void parse() {
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                break;
            }
            String key = quoted();
            expect(':');
            switch (key) {
                case "descr" -> descr = quoted();
                case "fortran_order" -> fortranOrder = bool();
                case "shape" -> shape = tuple();
                default -> throw fail("unexpected key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw fail("expected ',' or '}'");
            }
        }
        if (!text.substring(pos).isBlank()) {
            throw fail("unexpected text after the dict");
        }
        if (descr == null || fortranOrder == null || shape == null) {
            throw fail("missing one of 'descr', 'fortran_order', 'shape'");
        }
    }

    String descr() {
        return descr;
    }

    boolean fortranOrder() {
        return fortranOrder;
    }

    long[] shape() {
        return shape;
    }

    private String quoted() {
        skipSpace();
        char q = peek();
        if (q != '\'' && q != '"') {
            throw fail("expected a quoted string");
        }
        int end = text.indexOf(q, pos + 1);
        if (end < 0) {
            throw fail("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private boolean bool() {
        skipSpace();
        if (text.startsWith("True", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return false;
        }
        throw fail("expected True or False");
    }

    private long[] tuple() {
        expect('(');
        List<Long> dims = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw fail("expected a non-negative integer in the shape");
            }
            try {
                dims.add(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw fail("shape dimension out of range");
            }
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++; // Python 2 long literal
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ')') {
                throw fail("expected ',' or ')' in the shape");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("unexpected end of header");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private DatasetException fail(String what) {
        return new DatasetException(source + ": damaged .npy header (" + what + " at character " + pos
                + " of \"" + text.strip() + "\"); the file was overwritten or corrupted — restore it or re-run "
                + "`rgflow sample`");
    }
}
