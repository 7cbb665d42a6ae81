//! The single-view chart (Altair's `alt.Chart`).

use super::common::{Common, common_methods};
use super::compile::{Compile, SpecResult, add_params_method, common_access};
use super::placed::{placed_alone, write_params};
use crate::channel::Channel;
use crate::data::Data;
use crate::datasets::Cx;
use crate::encodings::Encodings;
use crate::error::SpecError;
use crate::mark::{Mark, MarkProps, MarkType};
use crate::param::Param;
use serde_json::{Map, Value};

/// A single view: data, a mark and encodings.
///
/// ```
/// use pixtip_spec::{Chart, Data, MarkProps, Table, TopLevel, X, Y};
/// let data = Data::from_table(Table::new().column("a", vec!["x", "y"]).column("b", vec![1.0, 2.0]))?;
/// let chart = Chart::new(data).mark_bar(MarkProps::default()).encode((X::new("a"), Y::new("b")));
/// assert!(chart.to_json()?.contains(r#""type":"bar""#));
/// # Ok::<(), pixtip_spec::SpecError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Chart {
    pub(crate) common: Common,
    pub(crate) mark: Option<Box<Mark>>,
    pub(crate) encoding: Vec<Channel>,
}

macro_rules! mark_methods {
    ($($method:ident => $kind:ident),* $(,)?) => {$(
        #[doc = concat!("Uses the `", stringify!($kind), "` mark with these properties.")]
        pub fn $method(self, props: MarkProps) -> Chart {
            self.mark(MarkType::$kind, props)
        }
    )*};
}

impl Chart {
    /// A chart over `data` (Altair's `alt.Chart(data)`).
    pub fn new(data: Data) -> Chart {
        Chart {
            common: Common {
                data: Some(data),
                ..Common::default()
            },
            ..Chart::default()
        }
    }

    /// A chart without data (Altair's `alt.Chart()`): it uses its parent's data,
    /// or, with none, a single empty row named `empty`, as Altair does.
    pub fn empty() -> Chart {
        Chart::default()
    }

    /// Replaces the data.
    pub fn data(mut self, data: Data) -> Chart {
        self.common.data = Some(data);
        self
    }

    /// Sets the mark.
    pub fn mark(mut self, kind: MarkType, props: MarkProps) -> Chart {
        self.mark = Some(Box::new(Mark { kind, props }));
        self
    }

    mark_methods! {
        mark_arc => Arc, mark_area => Area, mark_bar => Bar, mark_boxplot => Boxplot,
        mark_circle => Circle, mark_errorband => Errorband, mark_errorbar => Errorbar,
        mark_geoshape => Geoshape, mark_image => Image, mark_line => Line, mark_point => Point,
        mark_rect => Rect, mark_rule => Rule, mark_square => Square, mark_text => Text,
        mark_tick => Tick, mark_trail => Trail,
    }

    /// Adds encodings; a channel given again replaces the earlier one, as in Altair.
    pub fn encode(mut self, channels: impl Encodings) -> Chart {
        for ch in channels.into_channels() {
            self.encoding.retain(|c| c.name != ch.name);
            self.encoding.push(ch);
        }
        self
    }

    /// A view name, used by selections' `views`.
    pub fn name(mut self, name: &str) -> Chart {
        self.common.name = Some(name.to_string());
        self
    }

    /// Makes the scales pan and zoom (Altair's `.interactive()`).
    pub fn interactive(self) -> Chart {
        self.add_params([&Param::pan_zoom()])
    }

    add_params_method!();

    common_methods!();
}

impl Compile for Chart {
    common_access!();
    fn add_params_mut(&mut self, params: &[Param]) {
        self.common.add_params(params);
    }

    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        let mut out = Map::new();
        // Altair gives a chart with no data anywhere a single empty row.
        let empty;
        let own = match (&self.common.data, inherited) {
            (None, None) => {
                empty = Data::empty();
                out.insert("data".into(), cx.data_ref(&empty));
                Some(&empty)
            }
            (d, _) => d.as_ref(),
        };
        let infer_from = own.or(inherited);
        self.common.write(cx, &mut out)?;
        write_params(cx, &placed_alone(&self.common.params)?, &mut out)?;
        let Some(mark) = &self.mark else {
            return Err(SpecError::Composition(
                "a single-view chart needs a mark (call mark_*)".into(),
            ));
        };
        out.insert("mark".into(), mark.to_value());
        if !self.encoding.is_empty() {
            let mut enc = Map::new();
            for ch in &self.encoding {
                enc.insert(ch.name.as_str().to_string(), ch.resolve(infer_from)?);
            }
            out.insert("encoding".into(), Value::Object(enc));
        }
        Ok(out)
    }
}
