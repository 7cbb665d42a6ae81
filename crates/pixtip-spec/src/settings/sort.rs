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
/// converts too.
#[derive(Debug, Clone, PartialEq)]
pub struct Sort(Value);

impl Sort {
    /// `"ascending"`.
    pub fn ascending() -> Sort {
        Sort(SortOrder::Ascending.as_str().into())
    }

    /// `"descending"`.
    pub fn descending() -> Sort {
        Sort(SortOrder::Descending.as_str().into())
    }

    /// `null`: the data's order.
    pub fn none() -> Sort {
        Sort(Value::Null)
    }

    /// By another channel's values: `"x"` or `"-x"`.
    pub fn by_encoding(channel: ChannelName, order: SortOrder) -> Sort {
        let sign = match order {
            SortOrder::Ascending => "",
            SortOrder::Descending => "-",
        };
        Sort(format!("{sign}{}", channel.as_str()).into())
    }

    /// In this explicit order of values.
    pub fn values<T: Into<Value>>(values: impl IntoIterator<Item = T>) -> Sort {
        Sort(Value::Array(values.into_iter().map(Into::into).collect()))
    }

    /// By a field (Altair's `alt.EncodingSortField(field=...)`); add `.op` and `.order`.
    pub fn field(field: &str) -> Sort {
        Sort(Value::Object(Map::from_iter([(
            "field".to_string(),
            Value::from(field),
        )])))
    }

    /// The aggregate applied to the sort field (`"sum"`, `"mean"`, …).
    pub fn op(self, op: &str) -> Sort {
        self.with("op", op.into())
    }

    /// The order of a field sort.
    pub fn order(self, order: SortOrder) -> Sort {
        self.with("order", order.as_str().into())
    }

    fn with(mut self, key: &str, value: Value) -> Sort {
        if !self.0.is_object() {
            self.0 = Value::Object(Map::new());
        }
        if let Value::Object(m) = &mut self.0 {
            m.insert(key.to_string(), value);
        }
        self
    }
}

impl From<&str> for Sort {
    /// `"ascending"`, `"descending"`, `"x"`, `"-y"`: written as given.
    fn from(text: &str) -> Sort {
        Sort(text.into())
    }
}

impl From<SortOrder> for Sort {
    fn from(order: SortOrder) -> Sort {
        Sort(order.as_str().into())
    }
}

impl From<Value> for Sort {
    /// Raw JSON (the escape hatch).
    fn from(v: Value) -> Sort {
        Sort(v)
    }
}

impl From<Sort> for Value {
    fn from(s: Sort) -> Value {
        s.0
    }
}
