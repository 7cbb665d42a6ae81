//! `cargo xtask fuzz`'s `text` target: the words users type (scales,
//! metrics, field names), and the escaping of names into Vega-Lite fields
//! and JavaScript string literals, checked to read back as written.

/// The words a user types: scales, metrics, field shorthands, and the
/// escaping of names into Vega-Lite fields and expressions.
pub fn text(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = pixtip::Scaling::parse(&text);
    let _ = pixtip::job::MetricSpec::parse(&text);
    use pixtip::spec::{Chart, Data, Table, TopLevel, X};
    if let Ok(data) = Data::from_table(
        Table::new()
            .column("x", vec![1.0])
            .column(text.to_string(), vec!["a"]),
    ) {
        let _ = Chart::new(data)
            .mark_point(Default::default())
            .encode([X::new(&text)])
            .to_json();
    }
    // escape_field must read back as the name it escaped.
    let escaped = pixtip::spec::escape_field(&text);
    let mut back = String::new();
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        back.push(if c == '\\' {
            chars.next().unwrap_or('\\')
        } else {
            c
        });
    }
    assert_eq!(back, text, "escape_field does not read back");
    // string_literal must be one JS string literal that decodes to the text.
    let literal = pixtip::spec::string_literal(&text);
    assert_eq!(
        js_string(&literal).as_deref(),
        Some(&*text),
        "string_literal {literal:?}"
    );
}

/// Decodes a double-quoted JS string literal with the escapes string_literal
/// writes; `None` where a quote or line terminator is left raw.
fn js_string(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => return None,
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    Some(out)
}
