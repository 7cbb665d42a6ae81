//! Stacking of a channel (Altair's `stack=`).

use serde_json::Value;

/// How marks stack along a channel: `Y::new("sum(n)").stack(Stack::Normalize)`;
/// `"normalize"` converts too.
#[derive(Debug, Clone, PartialEq)]
pub enum Stack {
    /// `"zero"`: stacked from zero.
    Zero,
    /// `"normalize"`: stacked to fractions of the total.
    Normalize,
    /// `"center"`: stacked around the middle (streamgraphs).
    Center,
    /// `null`: not stacked.
    None,
    /// `true` or `false`, as Altair's `stack=True`.
    Bool(bool),
    /// Raw JSON (the escape hatch).
    Json(Value),
}

impl From<&str> for Stack {
    fn from(text: &str) -> Stack {
        match text {
            "zero" => Stack::Zero,
            "normalize" => Stack::Normalize,
            "center" => Stack::Center,
            other => Stack::Json(other.into()),
        }
    }
}

impl From<bool> for Stack {
    fn from(on: bool) -> Stack {
        Stack::Bool(on)
    }
}

impl From<Value> for Stack {
    fn from(v: Value) -> Stack {
        match v {
            Value::Null => Stack::None,
            Value::Bool(b) => Stack::Bool(b),
            Value::String(s) => Stack::from(s.as_str()),
            v => Stack::Json(v),
        }
    }
}

impl From<Stack> for Value {
    fn from(s: Stack) -> Value {
        match s {
            Stack::Zero => "zero".into(),
            Stack::Normalize => "normalize".into(),
            Stack::Center => "center".into(),
            Stack::None => Value::Null,
            Stack::Bool(b) => b.into(),
            Stack::Json(v) => v,
        }
    }
}
