package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's variable substitution ({@code ${VAR}}, {@code ${VAR:offset:length}}, {@code ${FUNC(args)}})
 * and expressions ({@code $[...]}: {@code | & = != < > <= >= + -}, parentheses, quoted strings), as the
 * dialplan uses them. Unsupported syntax fails loudly.
 */
public final class Expr {

    /** Where substitution finds values: channel variables, then globals; and dialplan functions. */
    public interface Scope {
        /** The variable's value, or null when unset. */
        String variable(String name);

        /** A dialplan function's value (e.g. {@code CALLERID}, {@code "num"}). */
        String function(String name, String args);
    }

    private Expr() {
    }

    public static String substitute(String text, Scope scope) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '[')) {
                char open = text.charAt(i + 1);
                char close = open == '{' ? '}' : ']';
                int end = matching(text, i + 1, open, close);
                String inner = substitute(text.substring(i + 2, end), scope);
                out.append(open == '{' ? reference(inner, scope) : evaluate(inner));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matching(String text, int at, char open, char close) {
        int depth = 0;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced " + open + " in: " + text);
    }

    private static String reference(String inner, Scope scope) {
        int paren = inner.indexOf('(');
        if (paren > 0 && inner.endsWith(")")) {
            return nullToEmpty(scope.function(inner.substring(0, paren), inner.substring(paren + 1, inner.length() - 1)));
        }
        String name = inner;
        Integer offset = null;
        Integer length = null;
        int colon = inner.indexOf(':');
        if (colon > 0) {
            name = inner.substring(0, colon);
            String[] parts = inner.substring(colon + 1).split(":", -1);
            offset = Integer.parseInt(parts[0].strip());
            length = parts.length > 1 && !parts[1].isBlank() ? Integer.parseInt(parts[1].strip()) : null;
        }
        String value = nullToEmpty(scope.variable(name));
        if (offset == null) {
            return value;
        }
        int from = offset < 0 ? Math.max(0, value.length() + offset) : Math.min(offset, value.length());
        int to = length == null ? value.length()
                : length < 0 ? Math.max(from, value.length() + length) : Math.min(value.length(), from + length);
        return value.substring(from, to);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- $[ ... ] --------------------------------------------------------------------------------------

    /** Evaluates an expression whose variables are already substituted. */
    public static String evaluate(String expression) {
        List<String> tokens = tokens(expression);
        if (tokens.isEmpty()) {
            return "";
        }
        Parser parser = new Parser(tokens);
        String value = parser.or();
        if (parser.at < tokens.size()) {
            throw new IllegalArgumentException("Cannot evaluate $[" + expression + "] near " + tokens.get(parser.at));
        }
        return value;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated string in $[" + s + "]");
                }
                out.add("\u0000" + s.substring(i + 1, end));
                i = end + 1;
            } else if ("()|&+-".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '!' || c == '<' || c == '>' || c == '=') {
                boolean two = i + 1 < s.length() && s.charAt(i + 1) == '=';
                out.add(s.substring(i, i + (two ? 2 : 1)));
                i += two ? 2 : 1;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()|&+<>=!\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean next(String op) {
            if (at < tokens.size() && tokens.get(at).equals(op)) {
                at++;
                return true;
            }
            return false;
        }

        String or() {
            String left = and();
            while (next("|")) {
                String right = and();
                left = truthy(left) ? left : right;
            }
            return left;
        }

        String and() {
            String left = comparison();
            while (next("&")) {
                String right = comparison();
                left = truthy(left) && truthy(right) ? left : "0";
            }
            return left;
        }

        String comparison() {
            String left = sum();
            for (String op : List.of("=", "==", "!=", "<", ">", "<=", ">=")) {
                if (next(op)) {
                    String right = sum();
                    int cmp = compare(left, right);
                    boolean result = switch (op) {
                        case "=", "==" -> cmp == 0;
                        case "!=" -> cmp != 0;
                        case "<" -> cmp < 0;
                        case ">" -> cmp > 0;
                        case "<=" -> cmp <= 0;
                        default -> cmp >= 0;
                    };
                    return result ? "1" : "0";
                }
            }
            return left;
        }

        String sum() {
            String left = unary();
            while (true) {
                if (next("+")) {
                    left = String.valueOf(Long.parseLong(left) + Long.parseLong(unary()));
                } else if (next("-")) {
                    left = String.valueOf(Long.parseLong(left) - Long.parseLong(unary()));
                } else {
                    return left;
                }
            }
        }

        String unary() {
            if (next("!")) {
                return truthy(unary()) ? "0" : "1";
            }
            if (next("(")) {
                String inner = or();
                if (!next(")")) {
                    throw new IllegalArgumentException("Missing ) in expression");
                }
                return inner;
            }
            if (at >= tokens.size()) {
                return "";
            }
            String token = tokens.get(at++);
            return token.startsWith("\u0000") ? token.substring(1) : token;
        }
    }

    static boolean truthy(String value) {
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    private static int compare(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.matches("-?\\d{1,18}");
    }
}
