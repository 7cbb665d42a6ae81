//! The channel types, one per Vega-Lite encoding channel (`X`, `Tooltip`,
//! …), each with the constructors its channel takes in Vega-Lite's schema.

use crate::channel::{AnyChannel, Channel, ChannelItem, ChannelKind};
use crate::channel_name::ChannelName;
use crate::prop::Prop;
use crate::settings::{Axis, Header, Legend, Scale, Setting, Sort, Stack};

/// The constructors on the field of a repeat (`{"field": {"repeat": "row"}}`).
macro_rules! repeat_refs {
    ($ty:ident, $name:literal: $($method:ident => $key:literal, $what:literal;)*) => {$(
        #[doc = concat!("`", $name, "` with the field of ", $what, ".")]
        pub fn $method() -> Channel<$ty> {
            Channel::repeat_ref(ChannelName::$ty, $key)
        }
    )*};
}

macro_rules! channels {
    ($($ty:ident => $name:literal),* $(,)?) => {$(
        #[doc = concat!("The `", $name, "` channel: constructors for its [`Channel`].")]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        // The channel types are namespaces, as Altair's classes are; they all build a `Channel`.
        #[allow(clippy::new_ret_no_self)]
        impl ChannelKind for $ty {}

        impl $ty {
            #[doc = concat!("`", $name, "` from Altair shorthand, e.g. `\"field:Q\"`.")]
            pub fn new(shorthand: &str) -> Channel<$ty> {
                Channel::shorthand(ChannelName::$ty, shorthand)
            }
            #[doc = concat!("`", $name, "` on a column named exactly `column` (dots escaped).")]
            pub fn field(column: &str) -> Channel<$ty> {
                Channel::field(ChannelName::$ty, column)
            }
            repeat_refs!($ty, $name:
                repeat => "repeat", "a `repeat` list";
                repeat_row => "row", "a repeat's `row`";
                repeat_column => "column", "a repeat's `column`";
                repeat_layer => "layer", "a repeat's `layer`";
            );
        }
    )*};
}

/// Constructors that only some channels take, as Vega-Lite's schema says:
/// `value` (a constant), `datum` (a constant in data units), `list` (several
/// definitions).
macro_rules! constructors {
    (value: $($ty:ident),* $(,)?) => {
        constructors!(
            @constant value, value_of, "A constant value or expression", "Value": $($ty),*
        );
    };
    (datum: $($ty:ident),* $(,)?) => {
        constructors!(
            @constant datum, datum_of, "A constant in data units", "Datum": $($ty),*
        );
    };
    // `$method(constant)`, Altair's `<Channel>$altair`.
    (@constant $method:ident, $make:ident, $what:literal, $altair:literal: $($ty:ident),*) => {$(
        impl $ty {
            #[doc = concat!($what, " (Altair's `", stringify!($ty), $altair, "`).")]
            pub fn $method(value: impl Into<Prop>) -> Channel<$ty> {
                Channel::$make(ChannelName::$ty, value)
            }
        }
    )*};
    (list: $($ty:ident),* $(,)?) => {$(
        impl $ty {
            /// Several definitions (`tooltip=["a", "b:Q"]`).
            pub fn list<T: Into<ChannelItem>>(items: impl IntoIterator<Item = T>) -> Channel<$ty> {
                Channel::list(ChannelName::$ty, items)
            }
        }
    )*};
}

/// Capabilities: which settings a channel takes, as Vega-Lite's schema
/// gives them to its definition.
macro_rules! capability {
    ($(#[$meta:meta])* $trait:ident: $($ty:ident),* $(,)?) => {
        $(#[$meta])*
        pub trait $trait {}
        impl $trait for AnyChannel {}
        $(impl $trait for $ty {})*
    };
}

capability!(
    /// Channels with an axis (`.axis(...)`): positions.
    HasAxis: X, Y
);
capability!(
    /// Channels with a scale (`.scale(...)`): positions, offsets, polar and
    /// mark property channels.
    HasScale: X, Y, XOffset, YOffset, Theta, Radius, Color, Fill, Stroke, Opacity, FillOpacity,
    StrokeOpacity, StrokeWidth, StrokeDash, Size, Shape, Angle
);
capability!(
    /// Channels with a legend (`.legend(...)`): mark property channels.
    HasLegend: Color, Fill, Stroke, Opacity, FillOpacity, StrokeOpacity, StrokeWidth, StrokeDash,
    Size, Shape, Angle
);
capability!(
    /// Channels with a header (`.header(...)`): facets.
    HasHeader: Row, Column, Facet
);
capability!(
    /// Channels that sort (`.sort(...)`).
    HasSort: X, Y, XOffset, YOffset, Theta, Radius, Color, Fill, Stroke, Opacity, FillOpacity,
    StrokeOpacity, StrokeWidth, StrokeDash, Size, Shape, Angle, Row, Column, Facet, Order
);
capability!(
    /// Channels that stack (`.stack(...)`).
    HasStack: X, Y, Theta, Radius
);
capability!(
    /// Channels that format their text (`.format(...)`).
    HasFormat: Text, Tooltip
);

// The settings of the capabilities, on the channels that have them.

/// A capability's setting method: `$name(value)` writes `"$name"`; a
/// `Setting` writes its settings, `None` or raw JSON.
macro_rules! setting_method {
    ($(#[$meta:meta])* $cap:ident: $name:ident(Setting<$ty:ty>)) => {
        impl<K: $cap> Channel<K> {
            $(#[$meta])*
            pub fn $name(self, $name: impl Into<Setting<$ty>>) -> Channel<K> {
                self.set(stringify!($name), $name.into().into_value())
            }
        }
    };
    ($(#[$meta:meta])* $cap:ident: $name:ident($ty:ty)) => {
        impl<K: $cap> Channel<K> {
            $(#[$meta])*
            pub fn $name(self, $name: impl Into<$ty>) -> Channel<K> {
                self.set(stringify!($name), $name.into())
            }
        }
    };
}

setting_method!(
    /// Axis settings: `.axis(Axis::new().grid(false))`; `.axis(None)` removes
    /// the axis; raw JSON (`json!({"grid": false})`) is written as given.
    HasAxis: axis(Setting<Axis>)
);
setting_method!(
    /// Scale settings: `.scale(Scale::new().zero(false))`; `.scale(None)` turns the scale off.
    HasScale: scale(Setting<Scale>)
);
setting_method!(
    /// Legend settings: `.legend(Legend::new().orient("bottom"))`; `.legend(None)` removes it.
    HasLegend: legend(Setting<Legend>)
);
setting_method!(
    /// Header settings of a `Row`, `Column` or `Facet` channel; `.header(None)` removes it.
    HasHeader: header(Setting<Header>)
);
setting_method!(
    /// Sort order: `Sort::descending()`, `"-x"`, `Sort::values([...])`, `Sort::field(...)`.
    HasSort: sort(Sort)
);
setting_method!(
    /// Stacking: `Stack::Normalize`, `"center"`, `Stack::None`.
    HasStack: stack(Stack)
);

impl<K: HasFormat> Channel<K> {
    /// A d3 format string for text and tooltips.
    pub fn format(self, format: &str) -> Channel<K> {
        self.set("format", format)
    }
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
    pub fn image(column: &str) -> Channel<Tooltip> {
        let channel = Tooltip::field(column).nominal();
        if column == PICTURE_TITLE {
            channel
        } else {
            channel.title(PICTURE_TITLE)
        }
    }
}
