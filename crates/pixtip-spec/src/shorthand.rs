//! Altair's encoding shorthand: `"field"`, `"field:Q"`, `"mean(field):Q"`,
//! `"count()"`, `"yearmonth(date):T"`.

use crate::data::FieldType;
use crate::error::SpecError;

/// A parsed shorthand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Shorthand {
    pub field: Option<String>,
    pub aggregate: Option<String>,
    pub time_unit: Option<String>,
    pub ty: Option<FieldType>,
}

/// Vega-Lite's aggregate operations.
pub(crate) const AGGREGATES: &[&str] = &[
    "argmax",
    "argmin",
    "average",
    "count",
    "distinct",
    "exponential",
    "exponentialb",
    "max",
    "mean",
    "median",
    "min",
    "missing",
    "product",
    "q1",
    "q3",
    "ci0",
    "ci1",
    "stderr",
    "stdev",
    "stdevp",
    "sum",
    "valid",
    "values",
    "variance",
    "variancep",
];

/// Vega-Lite's window-only operations (allowed in `transform_window`).
pub(crate) const WINDOW_OPS: &[&str] = &[
    "row_number",
    "rank",
    "dense_rank",
    "percent_rank",
    "cume_dist",
    "ntile",
    "lag",
    "lead",
    "first_value",
    "last_value",
    "nth_value",
];

const TIME_UNITS: &[&str] = &[
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "dayofyear",
    "date",
    "hours",
    "minutes",
    "seconds",
    "milliseconds",
];

/// Whether `unit` is a (possibly combined, possibly `utc`) Vega-Lite time unit
/// such as `yearmonthdate` or `utchoursminutes`.
fn is_time_unit(unit: &str) -> bool {
    let mut rest = unit.strip_prefix("utc").unwrap_or(unit);
    rest = rest.strip_prefix("binned").unwrap_or(rest);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        // Longest match first so `dayofyear` wins over `day`.
        let Some(part) = TIME_UNITS
            .iter()
            .filter(|u| rest.starts_with(**u))
            .max_by_key(|u| u.len())
        else {
            return false;
        };
        rest = &rest[part.len()..];
    }
    true
}

/// Parses a shorthand the way `altair.utils.parse_shorthand` does.
pub(crate) fn parse(text: &str) -> Result<Shorthand, SpecError> {
    let bad = || SpecError::BadShorthand(text.to_string());
    if text.is_empty() {
        return Err(bad());
    }
    let mut out = Shorthand::default();
    let mut body = text;
    // A type suffix is a short run of letters after the last colon.
    if let Some((head, ty)) = text.rsplit_once(':')
        && !ty.is_empty()
        && ty.len() <= 12
        && ty.chars().all(|c| c.is_ascii_alphabetic())
    {
        out.ty = Some(FieldType::parse(ty).ok_or_else(|| SpecError::UnknownType {
            shorthand: text.to_string(),
            ty: ty.to_string(),
        })?);
        body = head;
    }
    if let Some(open) = body.find('(') {
        let Some(inner) = body[open + 1..].strip_suffix(')') else {
            return Err(bad());
        };
        let func = &body[..open];
        if AGGREGATES.contains(&func) || WINDOW_OPS.contains(&func) {
            out.aggregate = Some(func.to_string());
        } else if is_time_unit(func) {
            out.time_unit = Some(func.to_string());
        } else {
            // Not a function Altair knows: the whole text is a field name.
            out.field = Some(body.to_string());
            return Ok(out);
        }
        if !inner.is_empty() {
            out.field = Some(inner.to_string());
        } else if out.aggregate.is_none() {
            return Err(bad());
        }
        // `count()` with no type is quantitative, as in Altair.
        if out.aggregate.as_deref() == Some("count") && out.ty.is_none() {
            out.ty = Some(FieldType::Quantitative);
        }
    } else if body.is_empty() {
        return Err(bad());
    } else {
        out.field = Some(body.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are altair.utils.parse_shorthand's output for the same text.
    #[test]
    fn parses_like_altair() {
        let p = parse("mean(x):Q").expect("valid");
        assert_eq!(
            (p.aggregate.as_deref(), p.field.as_deref(), p.ty),
            (Some("mean"), Some("x"), Some(FieldType::Quantitative))
        );
        let p = parse("count()").expect("valid");
        assert_eq!(
            (p.aggregate.as_deref(), p.field, p.ty),
            (Some("count"), None, Some(FieldType::Quantitative))
        );
        let p = parse("yearmonth(d):T").expect("valid");
        assert_eq!(
            (p.time_unit.as_deref(), p.field.as_deref()),
            (Some("yearmonth"), Some("d"))
        );
        let p = parse("x:quantitative").expect("valid");
        assert_eq!(p.ty, Some(FieldType::Quantitative));
        let p = parse("image").expect("valid");
        assert_eq!((p.field.as_deref(), p.ty), (Some("image"), None));
    }

    #[test]
    fn unknown_type_is_an_error() {
        assert!(matches!(parse("x:Z"), Err(SpecError::UnknownType { .. })));
        assert!(matches!(
            parse("x:quantity"),
            Err(SpecError::UnknownType { .. })
        ));
        assert!(matches!(parse("mean(x"), Err(SpecError::BadShorthand(_))));
        assert!(matches!(parse(""), Err(SpecError::BadShorthand(_))));
    }
}
