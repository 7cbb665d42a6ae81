//! The names of the encoding channels.

macro_rules! channel_names {
    ($($v:ident => $s:literal),* $(,)?) => {
        /// An encoding channel by name, for `resolve_scale(ChannelName::Y, ...)`,
        /// sorts by another channel, and selections' `encodings`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ChannelName {
            $(
                #[doc = concat!("`", $s, "`")]
                $v,
            )*
        }

        impl ChannelName {
            /// Every channel.
            pub const ALL: &'static [ChannelName] = &[$(ChannelName::$v),*];

            /// The Vega-Lite name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ChannelName::$v => $s,)*
                }
            }
        }
    };
}

channel_names! {
    X => "x", Y => "y", X2 => "x2", Y2 => "y2", XOffset => "xOffset", YOffset => "yOffset",
    XError => "xError", YError => "yError", XError2 => "xError2", YError2 => "yError2",
    Theta => "theta", Theta2 => "theta2", Radius => "radius", Radius2 => "radius2",
    Latitude => "latitude", Longitude => "longitude", Latitude2 => "latitude2",
    Longitude2 => "longitude2", Color => "color", Fill => "fill", Stroke => "stroke",
    Opacity => "opacity", FillOpacity => "fillOpacity", StrokeOpacity => "strokeOpacity",
    StrokeWidth => "strokeWidth", StrokeDash => "strokeDash", Size => "size", Shape => "shape",
    Angle => "angle", Text => "text", Tooltip => "tooltip", Href => "href", Url => "url",
    Description => "description", Detail => "detail", Order => "order", Key => "key",
    Row => "row", Column => "column", Facet => "facet",
}

impl std::fmt::Display for ChannelName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<ChannelName> for String {
    fn from(c: ChannelName) -> String {
        c.as_str().to_string()
    }
}
