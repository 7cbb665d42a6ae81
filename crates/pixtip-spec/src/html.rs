//! Standalone HTML pages that render a spec with vega-embed, like Altair's
//! `chart.save("chart.html")`.

use crate::datasets::Compiled;
use crate::error::SpecError;
use crate::json::{Style, write_value};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The pinned library versions, as Altair 6.3 pins them.
pub const VEGA_VERSION: &str = "6";
/// Vega-Lite, pinned exactly to the schema version.
pub const VEGA_LITE_VERSION: &str = "6.4.1";
/// vega-embed.
pub const VEGA_EMBED_VERSION: &str = "7";

const CDN: &str = "https://cdn.jsdelivr.net/npm";

/// Where the page gets vega, vega-lite and vega-embed from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scripts {
    /// `<script src>` tags pointing at jsDelivr (needs network when viewed).
    #[default]
    Cdn,
    /// The three minified builds read from a `node_modules` folder and inlined,
    /// so the page works offline: `vega/build/vega.min.js`,
    /// `vega-lite/build/vega-lite.min.js`, `vega-embed/build/vega-embed.min.js`.
    Inline(PathBuf),
    /// `<script src>` tags pointing at the three builds as files under this
    /// relative folder (`js` gives `js/vega.min.js`, `js/vega-lite.min.js`,
    /// `js/vega-embed.min.js`): many offline pages sharing one copy of
    /// the scripts ([`copy_scripts`] writes them there).
    Files(String),
}

/// The three builds, as `node_modules` holds them and as [`Scripts::Files`] names them.
const BUILDS: [(&str, &str); 3] = [
    ("vega/build/vega.min.js", "vega.min.js"),
    ("vega-lite/build/vega-lite.min.js", "vega-lite.min.js"),
    ("vega-embed/build/vega-embed.min.js", "vega-embed.min.js"),
];

/// Copies vega, vega-lite and vega-embed from `node_modules` into the folder
/// `to` (which must exist), for pages using [`Scripts::Files`].
pub fn copy_scripts(node_modules: &Path, to: &Path) -> Result<(), SpecError> {
    for (from, name) in BUILDS {
        let source = node_modules.join(from);
        std::fs::copy(&source, to.join(name)).map_err(|e| SpecError::Io {
            path: source.display().to_string(),
            message: e.to_string(),
        })?;
    }
    Ok(())
}

/// Options for [`TopLevel::to_html`](crate::TopLevel::to_html).
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlOptions {
    /// Where the scripts come from.
    pub scripts: Scripts,
    /// vega-embed options; Altair's default is `{"mode": "vega-lite"}`.
    pub embed_options: Value,
    /// The id of the element the chart is drawn in.
    pub output_div: String,
    /// A line of text above the chart, with an optional link (`None` keeps
    /// Altair's page byte for byte).
    pub banner: Option<Banner>,
}

/// A line above the chart: plain text and an optional link, both written as
/// text (escaped), never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Banner {
    /// The text.
    pub text: String,
    /// A link after the text: where it goes (a relative URL) and its words.
    pub link: Option<(String, String)>,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            scripts: Scripts::Cdn,
            embed_options: json!({"mode": "vega-lite"}),
            output_div: "vis".into(),
            banner: None,
        }
    }
}

impl HtmlOptions {
    /// Offline page with scripts inlined from `node_modules`.
    pub fn offline(node_modules: impl Into<PathBuf>) -> HtmlOptions {
        HtmlOptions {
            scripts: Scripts::Inline(node_modules.into()),
            ..HtmlOptions::default()
        }
    }

    /// The same page drawn by vega-embed on a `<canvas>` (`renderer:
    /// "canvas"`) instead of SVG: large charts render about twice as fast
    /// and their tooltips many times sooner. Altair's pages keep the default.
    pub fn canvas(mut self) -> HtmlOptions {
        if let Value::Object(map) = &mut self.embed_options {
            map.insert("renderer".into(), Value::String("canvas".into()));
        }
        self
    }
}

/// `text` with the five characters HTML gives meanings to escaped.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn banner_html(banner: &Banner) -> String {
    let mut line = format!("  <p>{}", escape_html(&banner.text));
    if let Some((href, words)) = &banner.link {
        // Only relative links: a `javascript:` or other scheme never becomes a link.
        let safe = !href.contains(':') && !href.starts_with("//");
        if safe {
            line.push_str(&format!(
                " <a href=\"{}\">{}</a>",
                escape_html(href),
                escape_html(words)
            ));
        }
    }
    line.push_str("</p>\n");
    line
}

/// One library as a `<script>` whose source is a base64 `data:` URL: the
/// browser runs exactly the file's text, whatever it holds (`</script>`,
/// `<!--`, `<script` in strings, regular expressions or code), where
/// escaping it inline would change the meaning of some of them.
fn inline_script(dir: &Path, rel: &str) -> Result<String, SpecError> {
    use base64::Engine as _;
    let path = dir.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| SpecError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    Ok(format!(
        "  <script type=\"text/javascript\" src=\"data:text/javascript;base64,{encoded}\"></script>\n"
    ))
}

/// Stands for the spec in the page's template, which is split there: no
/// other part of the page can hold it (the embed options are escaped JSON,
/// the div id and scripts are ASCII letters, digits and punctuation).
const SPEC_MARK: &str = "\u{1}spec\u{1}";

/// The whole page.
pub(crate) fn page(compiled: &Compiled, options: &HtmlOptions) -> Result<String, SpecError> {
    let (head, tail) = page_around_spec(options)?;
    let spec = compiled.write(&Style::HTML);
    Ok([head.as_str(), &spec, &tail].concat())
}

/// Writes the page to `writer`, the spec in pieces (it is never held
/// whole); returns the bytes written.
pub(crate) fn write_page(
    compiled: &Compiled,
    options: &HtmlOptions,
    writer: &mut dyn std::io::Write,
) -> Result<std::io::Result<u64>, SpecError> {
    let (head, tail) = page_around_spec(options)?;
    let mut write = || -> std::io::Result<u64> {
        writer.write_all(head.as_bytes())?;
        let spec = compiled.write_to(writer, &Style::HTML, &[])?;
        writer.write_all(tail.as_bytes())?;
        Ok(head.len() as u64 + spec + tail.len() as u64)
    };
    Ok(write())
}

/// The page's text before and after the spec.
fn page_around_spec(options: &HtmlOptions) -> Result<(String, String), SpecError> {
    let spec = SPEC_MARK;
    let mut embed = String::new();
    write_value(&mut embed, &options.embed_options, &Style::HTML, 0);
    // The div id lands in CSS, JS strings and HTML: keep it to safe characters.
    let div: String = options
        .output_div
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let scripts = match &options.scripts {
        Scripts::Cdn => format!(
            "  <script type=\"text/javascript\" src=\"{CDN}/vega@{VEGA_VERSION}\"></script>\n  \
             <script type=\"text/javascript\" src=\"{CDN}/vega-lite@{VEGA_LITE_VERSION}\"></script>\n  \
             <script type=\"text/javascript\" src=\"{CDN}/vega-embed@{VEGA_EMBED_VERSION}\"></script>\n"
        ),
        Scripts::Inline(dir) => {
            let mut s = String::new();
            for (rel, _) in BUILDS {
                s.push_str(&inline_script(dir, rel)?);
            }
            s
        }
        Scripts::Files(folder) => BUILDS
            .iter()
            .map(|(_, name)| {
                let src = escape_html(&format!("{}/{name}", folder.trim_end_matches('/')));
                format!("  <script type=\"text/javascript\" src=\"{src}\"></script>\n")
            })
            .collect(),
    };
    let banner = options.banner.as_ref().map(banner_html).unwrap_or_default();
    let page = format!(
        r##"<!DOCTYPE html>
<html>
<head>
  <meta charset="UTF-8">
  <style>
    #{div}.vega-embed {{
      width: 100%;
      display: flex;
    }}

    #{div}.vega-embed details,
    #{div}.vega-embed details summary {{
      position: relative;
    }}
  </style>
{scripts}</head>
<body>
{banner}  <div id="{div}"></div>
  <script>
    (function(vegaEmbed) {{
      var spec = {spec};
      var embedOpt = {embed};

      function showError(el, error){{
          el.innerHTML = ('<div style="color:red;">'
                          + '<p>JavaScript Error: ' + error.message + '</p>'
                          + "<p>This usually means there's a typo in your chart specification. "
                          + "See the javascript console for the full traceback.</p>"
                          + '</div>');
          throw error;
      }}
      const el = document.getElementById('{div}');
      vegaEmbed("#{div}", spec, embedOpt)
        .catch(error => showError(el, error));
    }})(vegaEmbed);

  </script>
</body>
</html>
"##
    );
    let (head, tail) = page.split_once(SPEC_MARK).unwrap_or((page.as_str(), ""));
    Ok((head.to_string(), tail.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    #[test]
    fn banners_are_text_and_links_stay_relative() {
        let banner = Banner {
            text: "<b>5 & \"6\"</b>".into(),
            link: Some(("../index.html".into(), "back <".into())),
        };
        assert_eq!(
            banner_html(&banner),
            "  <p>&lt;b&gt;5 &amp; &quot;6&quot;&lt;/b&gt; <a href=\"../index.html\">back &lt;</a></p>\n"
        );
        let hostile = Banner {
            text: "x".into(),
            link: Some(("javascript:alert(1)".into(), "y".into())),
        };
        assert_eq!(banner_html(&hostile), "  <p>x</p>\n");
    }

    #[test]
    fn shared_script_files_are_linked_relative() {
        let tags = match Scripts::Files("../js/".into()) {
            Scripts::Files(folder) => BUILDS
                .iter()
                .map(|(_, name)| format!("{}/{name}", folder.trim_end_matches('/')))
                .collect::<Vec<_>>(),
            _ => unreachable!(),
        };
        assert_eq!(tags[0], "../js/vega.min.js");
        let dir = std::env::temp_dir().join(format!("pixtip-copy-{}", std::process::id()));
        let modules = dir.join("node_modules");
        for (rel, _) in BUILDS {
            let path = modules.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, rel).unwrap();
        }
        let to = dir.join("js");
        std::fs::create_dir_all(&to).unwrap();
        copy_scripts(&modules, &to).unwrap();
        let copied = std::fs::read_to_string(to.join("vega-lite.min.js")).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(copied, "vega-lite/build/vega-lite.min.js");
    }

    #[test]
    fn canvas_adds_only_the_renderer() {
        let options = HtmlOptions::default().canvas();
        assert_eq!(
            options.embed_options,
            json!({"mode": "vega-lite", "renderer": "canvas"})
        );
        assert_eq!(
            HtmlOptions::default().banner,
            None,
            "Altair's pages have no banner"
        );
    }

    #[test]
    fn inlined_scripts_keep_every_byte() {
        let dir = std::env::temp_dir().join(format!("pixtip-inline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let js =
            "var a = \"</script><!--<script\"; var r = /<\\/script>/; var b = a <script;\u{2028}";
        std::fs::write(dir.join("x.js"), js).unwrap();
        let tag = inline_script(&dir, "x.js").unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let encoded = tag
            .split("base64,")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        assert_eq!(decoded, js.as_bytes());
        assert!(
            !tag[1..].contains('<') || tag.matches('<').count() == 2,
            "{tag}"
        );
    }
}
