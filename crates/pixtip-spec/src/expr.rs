//! Vega expression strings and field references, quoted and escaped correctly.

use serde_json::{Value, json};

/// A Vega expression, written in JSON as `{"expr": "..."}` where a property
/// accepts one (Altair's `alt.expr(...)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr(pub String);

/// Wraps an expression string: `expr("random() * 16 - 8")`.
pub fn expr(text: impl Into<String>) -> Expr {
    Expr(text.into())
}

impl Expr {
    /// The expression text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `{"expr": text}`.
    pub fn to_value(&self) -> Value {
        json!({ "expr": self.0 })
    }
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A string literal in a Vega expression, double-quoted, with `\`, `"`, and
/// line breaks escaped: `string_literal("it's \"x\"")` is `"it's \"x\""`.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The value of a data field in an expression: `datum["name"]`, which works
/// for any field name (`datum["it's \"a.b\""]`), unlike `datum.name`.
pub fn datum(field: &str) -> String {
    format!("datum[{}]", string_literal(field))
}

/// A field name escaped for Vega-Lite's `field` property, where `.` means
/// nested access, `[` `]` index and a quote opens a quoted part: `a.b`
/// becomes `a\.b` and `it's` becomes `it\'s`, so a column whose name holds
/// any of them is read as one field.
pub fn escape_field(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '.' | '[' | ']' | '\\' | '\'' | '"') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datum_quotes_awkward_names() {
        assert_eq!(datum(r#"it's "a.b""#), r#"datum["it's \"a.b\""]"#);
        assert_eq!(datum("back\\slash"), r#"datum["back\\slash"]"#);
    }

    #[test]
    fn fields_with_dots_are_escaped() {
        assert_eq!(escape_field("a.b"), r"a\.b");
        assert_eq!(escape_field("x[0]"), r"x\[0\]");
        assert_eq!(escape_field("plain"), "plain");
    }
}
