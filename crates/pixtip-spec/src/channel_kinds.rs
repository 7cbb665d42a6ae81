//! The channel types, one per Vega-Lite encoding channel (`X`, `Tooltip`,
//! …), each with the constructors its channel takes in Vega-Lite's schema.

use crate::channel::{Channel, ChannelItem};
use crate::channel_name::ChannelName;
use crate::prop::Prop;

macro_rules! channels {
    ($($ty:ident => $name:literal),* $(,)?) => {$(
        #[doc = concat!("The `", $name, "` channel: constructors for its [`Channel`].")]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        // The channel types are namespaces, as Altair's classes are; they all build a `Channel`.
        #[allow(clippy::new_ret_no_self)]
        impl $ty {
            #[doc = concat!("`", $name, "` from Altair shorthand, e.g. `\"field:Q\"`.")]
            pub fn new(shorthand: &str) -> Channel {
                Channel::shorthand(ChannelName::$ty, shorthand)
            }
            #[doc = concat!("`", $name, "` on a column named exactly `column` (dots escaped).")]
            pub fn field(column: &str) -> Channel {
                Channel::field(ChannelName::$ty, column)
            }
            #[doc = concat!("`", $name, "` with the field of a `repeat` list.")]
            pub fn repeat() -> Channel {
                Channel::repeat_ref(ChannelName::$ty, "repeat")
            }
            #[doc = concat!("`", $name, "` with the field of a repeat's `row`.")]
            pub fn repeat_row() -> Channel {
                Channel::repeat_ref(ChannelName::$ty, "row")
            }
            #[doc = concat!("`", $name, "` with the field of a repeat's `column`.")]
            pub fn repeat_column() -> Channel {
                Channel::repeat_ref(ChannelName::$ty, "column")
            }
            #[doc = concat!("`", $name, "` with the field of a repeat's `layer`.")]
            pub fn repeat_layer() -> Channel {
                Channel::repeat_ref(ChannelName::$ty, "layer")
            }
        }
    )*};
}

/// Constructors that only some channels take, as Vega-Lite's schema says:
/// `value` (a constant), `datum` (a constant in data units), `list` (several
/// definitions).
macro_rules! constructors {
    (value: $($ty:ident),* $(,)?) => {$(
        impl $ty {
            #[doc = concat!("A constant value or expression (Altair's `", stringify!($ty), "Value`).")]
            pub fn value(value: impl Into<Prop>) -> Channel {
                Channel::value_of(ChannelName::$ty, value)
            }
        }
    )*};
    (datum: $($ty:ident),* $(,)?) => {$(
        impl $ty {
            #[doc = concat!("A constant in data units (Altair's `", stringify!($ty), "Datum`).")]
            pub fn datum(value: impl Into<Prop>) -> Channel {
                Channel::datum_of(ChannelName::$ty, value)
            }
        }
    )*};
    (list: $($ty:ident),* $(,)?) => {$(
        impl $ty {
            /// Several definitions (`tooltip=["a", "b:Q"]`).
            pub fn list<T: Into<ChannelItem>>(items: impl IntoIterator<Item = T>) -> Channel {
                Channel::list(ChannelName::$ty, items)
            }
        }
    )*};
}

// Row, Column, Facet, Detail and Key take fields only.
constructors!(value: X, Y, X2, Y2, XOffset, YOffset, XError, YError, Theta, Theta2, Radius,
    Radius2, Latitude, Longitude, Color, Fill, Stroke, Opacity, FillOpacity, StrokeOpacity,
    StrokeWidth, StrokeDash, Size, Shape, Angle, Text, Tooltip, Href, Url, Description, Order);
// Data-unit constants: positions and mark properties with scales, and text.
constructors!(datum: X, Y, X2, Y2, XOffset, YOffset, Theta, Theta2, Radius, Radius2, Latitude,
    Longitude, Color, Fill, Stroke, Opacity, FillOpacity, StrokeOpacity, StrokeWidth, StrokeDash,
    Size, Shape, Angle, Text);
// Vega-Lite takes arrays of definitions for these three only.
constructors!(list: Tooltip, Detail, Order);

channels! {
    X => "x", Y => "y", X2 => "x2", Y2 => "y2", XOffset => "xOffset", YOffset => "yOffset",
    XError => "xError", YError => "yError", Theta => "theta", Theta2 => "theta2",
    Radius => "radius", Radius2 => "radius2", Latitude => "latitude", Longitude => "longitude",
    Color => "color", Fill => "fill", Stroke => "stroke", Opacity => "opacity",
    FillOpacity => "fillOpacity", StrokeOpacity => "strokeOpacity", StrokeWidth => "strokeWidth",
    StrokeDash => "strokeDash", Size => "size", Shape => "shape", Angle => "angle",
    Text => "text", Tooltip => "tooltip", Href => "href", Url => "url", Description => "description",
    Detail => "detail", Order => "order", Key => "key", Row => "row", Column => "column", Facet => "facet",
}

/// The tooltip title vega-tooltip renders as a picture instead of a row.
pub const PICTURE_TITLE: &str = "image";

impl Tooltip {
    /// A tooltip entry that vega-tooltip shows as a picture: the field holds
    /// `data:image/png;base64,…` URIs or picture URLs. vega-tooltip draws the
    /// entry titled `image` as `<img>` above the other tooltip fields, so the
    /// entry is titled `image` whatever the column is called (a column named
    /// `image` is referenced plainly, exactly as Altair writes it).
    ///
    /// ```
    /// use pixtip_spec::Tooltip;
    /// let tip = Tooltip::list([Tooltip::image("cell_picture"), Tooltip::new("area:Q")]);
    /// # let _ = tip;
    /// ```
    pub fn image(column: &str) -> Channel {
        let channel = Tooltip::field(column).nominal();
        if column == PICTURE_TITLE {
            channel
        } else {
            channel.title(PICTURE_TITLE)
        }
    }
}
