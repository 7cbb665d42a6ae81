//! The measurement types of fields, and how Altair infers them from values.

use serde_json::Value;

/// The Vega-Lite measurement type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// `"quantitative"` (`Q`).
    Quantitative,
    /// `"nominal"` (`N`).
    Nominal,
    /// `"ordinal"` (`O`).
    Ordinal,
    /// `"temporal"` (`T`).
    Temporal,
    /// `"geojson"` (`G`).
    GeoJson,
}

impl FieldType {
    /// The name Vega-Lite uses.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Quantitative => "quantitative",
            FieldType::Nominal => "nominal",
            FieldType::Ordinal => "ordinal",
            FieldType::Temporal => "temporal",
            FieldType::GeoJson => "geojson",
        }
    }

    /// Parses `Q`/`N`/`O`/`T`/`G` or the long names, as Altair's shorthand does.
    pub fn parse(code: &str) -> Option<FieldType> {
        Some(match code {
            "Q" | "quantitative" => FieldType::Quantitative,
            "N" | "nominal" => FieldType::Nominal,
            "O" | "ordinal" => FieldType::Ordinal,
            "T" | "temporal" => FieldType::Temporal,
            "G" | "geojson" => FieldType::GeoJson,
            _ => return None,
        })
    }
}

/// Mirrors pandas' `infer_dtype` as Altair maps it: numbers → quantitative,
/// everything else (strings, bools, mixed) → nominal. Nulls are skipped.
pub(crate) fn infer_from_values<'a>(values: impl Iterator<Item = &'a Value>) -> Option<FieldType> {
    let mut all_numbers = true;
    let mut any = false;
    for v in values {
        match v {
            Value::Null => continue,
            Value::Number(_) => any = true,
            _ => {
                any = true;
                all_numbers = false;
            }
        }
    }
    any.then_some(if all_numbers {
        FieldType::Quantitative
    } else {
        FieldType::Nominal
    })
}
