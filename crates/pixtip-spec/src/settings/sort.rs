//! Sort orders of a channel (Altair's `sort=` values).

use crate::channel_name::ChannelName;
use serde_json::{Map, Value};

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// `"ascending"`
    Ascending,
    /// `"descending"`
    Descending,
}

impl SortOrder {
    /// The Vega-Lite name.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Ascending => "ascending",
            SortOrder::Descending => "descending",
        }
    }
}

/// A channel's sort (Altair's `sort=`): `Sort::descending()`,
/// `Sort::by_encoding(ChannelName::X, SortOrder::Descending)` (Altair's `"-x"`),
/// `Sort::values(["b", "a"])`, `Sort::field("b").op("sum").order(SortOrder::Descending)`
/// (Altair's `alt.EncodingSortField`), `Sort::none()`; a string such as `"-x"`
/// converts too. Only a field sort takes an aggregate:
///
/// ```compile_fail
/// let sort = pixtip_spec::Sort::descending().op("sum");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Sort {
    /// `"ascending"` or `"descending"`.
    Order(SortOrder),
    /// `null`: the data's order.
    None,
    /// By another channel's values (`"x"`, `"-x"`), or a name written as
    /// given.
    Named(String),
    /// In this explicit order of values.
    Values(Vec<Value>),
    /// By a field's values, aggregated.
    Field(FieldSort),
    /// Raw JSON (the escape hatch).
    Raw(Value),
}

/// A sort by a field (Altair's `alt.EncodingSortField`): `Sort::field("b")`,
/// then `.op("sum")` and `.order(SortOrder::Descending)`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSort {
    field: String,
    op: Option<String>,
    order: Option<SortOrder>,
}

impl Sort {
    /// `"ascending"`.
    pub fn ascending() -> Sort {
        Sort::Order(SortOrder::Ascending)
    }

    /// `"descending"`.
    pub fn descending() -> Sort {
        Sort::Order(SortOrder::Descending)
    }

    /// `null`: the data's order.
    pub fn none() -> Sort {
        Sort::None
    }

    /// By another channel's values: `"x"` or `"-x"`.
    pub fn by_encoding(channel: ChannelName, order: SortOrder) -> Sort {
        let sign = match order {
            SortOrder::Ascending => "",
            SortOrder::Descending => "-",
        };
        Sort::Named(format!("{sign}{}", channel.as_str()))
    }

    /// In this explicit order of values.
    pub fn values<T: Into<Value>>(values: impl IntoIterator<Item = T>) -> Sort {
        Sort::Values(values.into_iter().map(Into::into).collect())
    }

    /// By a field (Altair's `alt.EncodingSortField(field=...)`); add `.op` and `.order`.
    pub fn field(field: &str) -> FieldSort {
        FieldSort {
            field: field.to_string(),
            op: None,
            order: None,
        }
    }
}

impl FieldSort {
    /// The aggregate applied to the sort field (`"sum"`, `"mean"`, …).
    pub fn op(mut self, op: &str) -> FieldSort {
        self.op = Some(op.to_string());
        self
    }

    /// The order of the field sort.
    pub fn order(mut self, order: SortOrder) -> FieldSort {
        self.order = Some(order);
        self
    }
}

impl From<FieldSort> for Sort {
    fn from(sort: FieldSort) -> Sort {
        Sort::Field(sort)
    }
}

impl From<&str> for Sort {
    /// `"ascending"`, `"descending"`, `"x"`, `"-y"`: written as given.
    fn from(text: &str) -> Sort {
        match text {
            "ascending" => Sort::ascending(),
            "descending" => Sort::descending(),
            other => Sort::Named(other.to_string()),
        }
    }
}

impl From<SortOrder> for Sort {
    fn from(order: SortOrder) -> Sort {
        Sort::Order(order)
    }
}

impl From<Value> for Sort {
    /// Raw JSON (the escape hatch).
    fn from(v: Value) -> Sort {
        Sort::Raw(v)
    }
}

impl From<FieldSort> for Value {
    fn from(sort: FieldSort) -> Value {
        Sort::Field(sort).into()
    }
}

impl From<Sort> for Value {
    fn from(sort: Sort) -> Value {
        match sort {
            Sort::Order(order) => order.as_str().into(),
            Sort::None => Value::Null,
            Sort::Named(name) => name.into(),
            Sort::Values(values) => Value::Array(values),
            // Keys in Altair's order: field, op, order.
            Sort::Field(FieldSort { field, op, order }) => {
                let mut map = Map::new();
                map.insert("field".into(), field.into());
                if let Some(op) = op {
                    map.insert("op".into(), op.into());
                }
                if let Some(order) = order {
                    map.insert("order".into(), order.as_str().into());
                }
                Value::Object(map)
            }
            Sort::Raw(value) => value,
        }
    }
}
