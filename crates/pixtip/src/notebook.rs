//! Charts shown inline in a Rust notebook (evcxr / Jupyter), as plotly.rs does.

use crate::output::Save;
use pixtip_spec::{AnyChart, HtmlOptions, TopLevel};

/// Inline display in evcxr: a chart as the last expression of a cell, or
/// `chart.evcxr_display()`, shows the chart in the notebook.
pub trait Notebook {
    /// Prints the chart between evcxr's `EVCXR_BEGIN_CONTENT text/html` and
    /// `EVCXR_END_CONTENT` markers, as an isolated frame holding its page.
    fn evcxr_display(&self);

    /// The HTML evcxr shows: an `<iframe>` whose `srcdoc` is the chart's page,
    /// so its scripts and styles cannot touch the notebook's.
    fn notebook_html(&self) -> Result<String, crate::PixtipError>;
}

impl<T: Save + Clone + Into<AnyChart>> Notebook for T {
    fn evcxr_display(&self) {
        match self.notebook_html() {
            Ok(html) => println!("EVCXR_BEGIN_CONTENT text/html\n{html}\nEVCXR_END_CONTENT"),
            Err(error) => eprintln!("pixtip: {error}"),
        }
    }

    fn notebook_html(&self) -> Result<String, crate::PixtipError> {
        let chart: AnyChart = self.clone().into();
        let page = chart.to_html(&HtmlOptions::default())?;
        Ok(format!(
            "<iframe style=\"width:100%;height:540px;border:0\" srcdoc=\"{}\"></iframe>",
            escape_attribute(&page)
        ))
    }
}

/// Text safe inside a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pixtip_spec::{Chart, Data, Table, X};

    #[test]
    fn the_page_travels_as_an_escaped_srcdoc() {
        let data = Data::from_table(Table::new().column("x", vec!["\"><script>alert(1)</script>"]))
            .unwrap();
        let chart = Chart::new(data)
            .mark_point(Default::default())
            .encode([X::new("x:N")]);
        let html = chart.notebook_html().unwrap();
        assert!(html.starts_with("<iframe") && html.ends_with("</iframe>"));
        let inner = &html["<iframe".len()..html.len() - "</iframe>".len()];
        assert!(
            !inner.contains("<script"),
            "the page stays inside the attribute"
        );
        assert!(inner.contains("&lt;script"));
    }
}
