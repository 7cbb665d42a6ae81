//! Typed values for mark properties that take one of a few names; each
//! converts into a [`Prop`](crate::Prop) of its own kind (the only constant
//! such a property takes: `interpolate: Interpolate::Monotone.into()`), and
//! into text and any-value properties as its name.

use crate::prop::{AnyValue, TextValue, prop_from};
use serde_json::Value;

macro_rules! name_enum {
    ($(#[$meta:meta])* $ty:ident { $($v:ident => $s:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $ty {
            $(
                #[doc = concat!("`", $s, "`")]
                $v,
            )*
        }

        impl $ty {
            /// The Vega-Lite name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$v => $s,)*
                }
            }
        }

        impl From<$ty> for Value {
            fn from(v: $ty) -> Value {
                Value::from(v.as_str())
            }
        }

        // Its own kind, and the kinds that take any string or any value.
        prop_from!($ty: $ty);
        prop_from!(TextValue: $ty);
        prop_from!(AnyValue: $ty);
    };
}

name_enum! {
    /// How a line or area mark joins its points (`interpolate`).
    Interpolate {
        Basis => "basis", BasisOpen => "basis-open", BasisClosed => "basis-closed",
        Bundle => "bundle", Cardinal => "cardinal", CardinalOpen => "cardinal-open",
        CardinalClosed => "cardinal-closed", CatmullRom => "catmull-rom", Linear => "linear",
        LinearClosed => "linear-closed", Monotone => "monotone", Natural => "natural",
        Step => "step", StepBefore => "step-before", StepAfter => "step-after",
    }
}

name_enum! {
    /// The direction of a bar, tick, area or line mark (`orient`).
    Orient { Horizontal => "horizontal", Vertical => "vertical" }
}

name_enum! {
    /// Horizontal text alignment (`align`).
    Align { Left => "left", Center => "center", Right => "right" }
}

name_enum! {
    /// Vertical text alignment (`baseline`).
    Baseline {
        Top => "top", Middle => "middle", Bottom => "bottom", Alphabetic => "alphabetic",
        LineTop => "line-top", LineBottom => "line-bottom",
    }
}

name_enum! {
    /// The ends of stroked lines (`strokeCap`).
    StrokeCap { Butt => "butt", Round => "round", Square => "square" }
}

name_enum! {
    /// The spread of an error bar or band (`extent`); boxplots also take a number.
    Extent { Ci => "ci", Iqr => "iqr", Stderr => "stderr", Stdev => "stdev", MinMax => "min-max" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prop::Prop;

    #[test]
    fn names_match_vega_lite() {
        let text = |t: &str| Prop::<TextValue>::from(t);
        assert_eq!(Prop::from(Interpolate::StepAfter), text("step-after"));
        assert_eq!(
            Prop::<AnyValue>::from(Extent::MinMax).value(),
            text("min-max").value()
        );
        assert_eq!(Baseline::LineTop.as_str(), "line-top");
    }
}
