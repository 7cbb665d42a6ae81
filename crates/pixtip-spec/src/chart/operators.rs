//! Altair's operators: `a + b` layers, `a | b` side by side, `a & b` stacked.

use super::concat::{hconcat, vconcat};
use super::kinds::{AnyChart, ConcatChart, FacetChart, LayerChart, RepeatChart};
use super::layer::layer;
use super::unit::Chart;

macro_rules! operators {
    ($($t:ident),*) => {$(
        impl<T: Into<AnyChart>> std::ops::Add<T> for $t {
            type Output = LayerChart;
            /// `a + b`: layers, as in Altair.
            fn add(self, other: T) -> LayerChart {
                layer([AnyChart::from(self), other.into()])
            }
        }
        impl<T: Into<AnyChart>> std::ops::BitOr<T> for $t {
            type Output = ConcatChart;
            /// `a | b`: side by side, as in Altair.
            fn bitor(self, other: T) -> ConcatChart {
                hconcat([AnyChart::from(self), other.into()])
            }
        }
        impl<T: Into<AnyChart>> std::ops::BitAnd<T> for $t {
            type Output = ConcatChart;
            /// `a & b`: stacked, as in Altair.
            fn bitand(self, other: T) -> ConcatChart {
                vconcat([AnyChart::from(self), other.into()])
            }
        }
    )*};
}
operators!(Chart, LayerChart, RepeatChart, ConcatChart, FacetChart);
