//! Typed settings of channels and charts: [`Axis`], [`Scale`], [`Legend`],
//! [`Header`], [`Title`], [`Bin`], [`Sort`], [`Stack`], [`TimeUnit`], and the
//! [`Setting`] that a channel property holds (properties, `null`, or raw JSON).

mod axis;
mod bin;
mod header;
mod legend;
mod scale;
mod setting;
mod sort;
mod stack;
mod time_unit;
mod title;

pub use axis::Axis;
pub use bin::Bin;
pub use header::Header;
pub use legend::Legend;
pub use scale::Scale;
pub use setting::Setting;
pub use sort::{FieldSort, Sort, SortOrder};
pub use stack::Stack;
pub use time_unit::TimeUnit;
pub use title::Title;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channel_name::ChannelName;
    use serde_json::{Value, json};

    #[test]
    fn typed_settings_write_their_vega_lite_names() {
        let axis: Value = Axis::new().grid(false).label_angle(-45).into();
        assert_eq!(axis, json!({"grid": false, "labelAngle": -45}));
        let scale: Value = Scale::new().type_("log").domain(vec![1, 100]).into();
        assert_eq!(scale, json!({"type": "log", "domain": [1, 100]}));
        assert_eq!(Setting::<Legend>::from(None).into_value(), Value::Null);
        assert_eq!(
            Setting::<Bin>::from(Bin::new().maxbins(20)).into_value(),
            json!({"maxbins": 20})
        );
        assert_eq!(Setting::<Bin>::from(true).into_value(), json!(true));
    }

    #[test]
    fn sorts_stacks_and_time_units() {
        assert_eq!(
            Value::from(Sort::by_encoding(ChannelName::X, SortOrder::Descending)),
            json!("-x")
        );
        assert_eq!(
            Value::from(Sort::field("b").op("sum").order(SortOrder::Descending)),
            json!({"field": "b", "op": "sum", "order": "descending"})
        );
        assert_eq!(Value::from(Stack::from("normalize")), json!("normalize"));
        assert_eq!(Value::from(Stack::None), Value::Null);
        assert_eq!(TimeUnit::from("yearmonth"), TimeUnit::YearMonth);
        assert_eq!(TimeUnit::from("utcyear").as_str(), "utcyear");
    }
}
