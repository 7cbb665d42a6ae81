//! Time units (Altair's `timeUnit=` and the `month(date)` shorthand).

use serde_json::Value;

macro_rules! time_units {
    ($($v:ident => $s:literal),* $(,)?) => {
        /// A time unit: `X::new("date:T").time_unit(TimeUnit::YearMonth)`; a
        /// string such as `"utcyearmonth"` converts too (unknown names are kept
        /// as [`TimeUnit::Other`]).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum TimeUnit {
            $(
                #[doc = concat!("`", $s, "`")]
                $v,
            )*
            /// Any other unit, by its Vega-Lite name (`utc…` units, rare combinations).
            Other(String),
        }

        impl TimeUnit {
            /// The Vega-Lite name.
            pub fn as_str(&self) -> &str {
                match self {
                    $(TimeUnit::$v => $s,)*
                    TimeUnit::Other(s) => s,
                }
            }
        }

        impl From<&str> for TimeUnit {
            fn from(text: &str) -> TimeUnit {
                match text {
                    $($s => TimeUnit::$v,)*
                    other => TimeUnit::Other(other.to_string()),
                }
            }
        }
    };
}

time_units! {
    Year => "year", Quarter => "quarter", Month => "month", Week => "week", Day => "day",
    DayOfYear => "dayofyear", Date => "date", Hours => "hours", Minutes => "minutes",
    Seconds => "seconds", Milliseconds => "milliseconds", YearQuarter => "yearquarter",
    YearMonth => "yearmonth", YearMonthDate => "yearmonthdate",
    YearMonthDateHours => "yearmonthdatehours", YearWeek => "yearweek", MonthDate => "monthdate",
    MonthDateHours => "monthdatehours", HoursMinutes => "hoursminutes",
    HoursMinutesSeconds => "hoursminutesseconds", MinutesSeconds => "minutesseconds",
}

impl From<TimeUnit> for Value {
    fn from(t: TimeUnit) -> Value {
        Value::from(t.as_str())
    }
}
