//! The chart a request asks for, from a table that holds its images.

use super::request::{ChartKind, ChartRequest, PictureMode};
use super::table::image_columns;
use crate::charts::{self, ChartOptions, PictureLookup, Scatter};
use crate::error::{PixtipError, RequestError};
use crate::page_size::{PageLimits, estimate_page};
use crate::pictures::PictureStorage;
use crate::report::Progress;
use crate::table::{ImageTable, TableColumn};
use pixtip_spec::AnyChart;

/// A chart made by [`make_chart`].
#[derive(Debug, Clone)]
pub struct MadeChart {
    /// The chart.
    pub chart: AnyChart,
    /// The picture columns its tooltips show.
    pub picture_fields: Vec<String>,
    /// The PNG bytes of the pictures made for it.
    pub picture_bytes: u64,
}

/// The chart a request asks for, from a `table` that already holds its
/// columns, images, `index` and metrics ([`build_table`](super::build_table),
/// or a table made in memory): adds the picture columns the chart shows,
/// stored as `storage` says, then builds the scatter, repeat or switch chart.
/// [`run_chart_job`](super::run_chart_job) and the Python package both make
/// their charts here.
pub fn make_chart(
    request: &ChartRequest,
    table: &mut ImageTable,
    storage: &PictureStorage,
    progress: &mut dyn FnMut(Progress),
) -> Result<MadeChart, PixtipError> {
    let all_images = image_columns(table);
    let shown: Vec<String> = if request.picture_sources.is_empty() {
        all_images.iter().take(1).cloned().collect()
    } else {
        request.picture_sources.clone()
    };
    let mut picture_bytes = 0u64;
    let mut make_pictures = |table: &mut ImageTable, name: &str, sources: &[&str]| {
        let options = &request.picture_options;
        let summary = table.add_pictures(name, sources, options, storage, progress)?;
        picture_bytes += summary.bytes.png as u64;
        Ok::<(), PixtipError>(())
    };
    let picture = table.free_name("picture");
    let sources: Vec<&str> = shown.iter().map(String::as_str).collect();
    if !request.allow_large_page {
        let embed = request.picture_mode == PictureMode::Embed;
        estimate_page(table, &sources, &request.picture_options, embed)?
            .check(&PageLimits::default())?;
    }
    make_pictures(table, &picture, &sources)?;

    let chart_options = |default_title: &str| {
        ChartOptions::titled(request.title.as_deref().unwrap_or(default_title))
    };
    let group = || {
        request
            .x
            .clone()
            .or_else(|| request.color.clone())
            .ok_or(RequestError::NoGroups {
                chart: request.chart.name(),
            })
    };
    let (chart, picture_fields): (AnyChart, Vec<String>) = match &request.chart {
        ChartKind::Scatter => {
            let x = request.x.clone().unwrap_or_else(|| "index".into());
            let y = match &request.y {
                Some(y) => y.clone(),
                None => default_y(table, request)?,
            };
            let mut scatter = Scatter::new(table)
                .x(x)
                .y(y)
                .pictures(&picture)
                .tooltip(&request.tooltip);
            if let Some(color) = &request.color {
                scatter = scatter.color(color);
            }
            if let Some(title) = &request.title {
                scatter = scatter.title(title);
            }
            let chart = scatter.build()?;
            (chart.into(), vec![picture.clone()])
        }
        ChartKind::Repeat(fields) => {
            let group = group()?;
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            let chart = charts::strip_plots(
                table,
                &fields,
                &group,
                &picture,
                &chart_options("Comparison"),
            )?;
            (chart.into(), vec![picture.clone()])
        }
        ChartKind::Switch(fields) => {
            let group = group()?;
            // Each field shows the picture of the image column it measures,
            // or the default picture when it does not come from a metric.
            let mut pairs = Vec::new();
            let mut made: Vec<(String, String)> = Vec::new();
            for field in fields {
                let source = request
                    .metrics
                    .iter()
                    .find(|m| &m.name == field)
                    .map(|m| m.source.clone());
                let picture_of = match source {
                    Some(source) if shown != [source.clone()] => {
                        match made.iter().find(|(s, _)| *s == source) {
                            Some((_, p)) => p.clone(),
                            None => {
                                // Picture columns keep their names as data keys,
                                // so the spec file can leave them out by name.
                                let wanted = format!("{source}_picture");
                                let wanted = if charts::is_safe_key(&wanted) {
                                    wanted
                                } else {
                                    "picture".to_string()
                                };
                                let name = table.free_name(&wanted);
                                make_pictures(table, &name, &[&source])?;
                                made.push((source, name.clone()));
                                name
                            }
                        }
                    }
                    _ => picture.clone(),
                };
                pairs.push((field.clone(), picture_of));
            }
            let refs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(m, p)| (m.as_str(), p.as_str()))
                .collect();
            let chart = charts::metric_switch(
                table,
                &refs,
                &group,
                &PictureLookup::Paired,
                &chart_options("Metric"),
            )?;
            let mut fields: Vec<String> = pairs.into_iter().map(|(_, p)| p).collect();
            fields.dedup();
            (chart.into(), fields)
        }
    };
    Ok(MadeChart {
        chart,
        picture_fields,
        picture_bytes,
    })
}

/// The scatter's y when none is given: the first metric, else the first
/// number column of the table other than `index`.
fn default_y(table: &ImageTable, request: &ChartRequest) -> Result<String, RequestError> {
    if let Some(metric) = request.metrics.first() {
        return Ok(metric.name.clone());
    }
    table
        .column_names()
        .find(|n| *n != "index" && matches!(table.column(n), Ok(TableColumn::Numbers(_))))
        .map(str::to_string)
        .ok_or(RequestError::NoY)
}
