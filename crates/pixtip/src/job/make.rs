//! The chart a job asks for, from a table that holds its images.

use super::request::{ChartJob, ChartKind, PictureMode};
use super::table::image_columns;
use crate::charts::{self, ChartOptions, PictureLookup, Scatter};
use crate::error::PixtipError;
use crate::page_size::{PageLimits, estimate_page};
use crate::pictures::PictureStorage;
use crate::report::Progress;
use crate::table::{Column, ImageTable};
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

/// The chart a job asks for, from a `table` that already holds its columns,
/// images, `index` and metrics ([`build_table`], or a table made in memory):
/// adds the picture columns the chart shows, stored as `storage` says, then
/// builds the scatter, repeat or switch chart. [`run_chart_job`] and the
/// Python package both make their charts here.
pub fn make_chart(
    job: &ChartJob,
    table: &mut ImageTable,
    storage: &PictureStorage,
    progress: &mut dyn FnMut(Progress),
) -> Result<MadeChart, PixtipError> {
    let all_images = image_columns(table);
    let shown: Vec<String> = if job.picture.is_empty() {
        all_images.iter().take(1).cloned().collect()
    } else {
        job.picture.clone()
    };
    let mut picture_bytes = 0u64;
    let mut make_pictures = |table: &mut ImageTable, name: &str, sources: &[&str]| {
        let summary = table.add_pictures(name, sources, &job.pictures, storage, progress)?;
        picture_bytes += summary.bytes.png as u64;
        Ok::<(), PixtipError>(())
    };
    let picture = table.free_name("picture");
    let sources: Vec<&str> = shown.iter().map(String::as_str).collect();
    if !job.force_large_page {
        let embed = job.mode == PictureMode::Embed;
        estimate_page(table, &sources, &job.pictures, embed)?.check(&PageLimits::default())?;
    }
    make_pictures(table, &picture, &sources)?;

    let chart_options =
        |default_title: &str| ChartOptions::titled(job.title.as_deref().unwrap_or(default_title));
    let group = || {
        job.x.clone().or_else(|| job.color.clone()).ok_or_else(|| {
            PixtipError::Chart("--repeat and --switch need --x FIELD, the groups along x".into())
        })
    };
    let (chart, picture_fields): (AnyChart, Vec<String>) = match &job.kind {
        ChartKind::Scatter => {
            let x = job.x.clone().unwrap_or_else(|| "index".into());
            let y = match &job.y {
                Some(y) => y.clone(),
                None => default_y(table, job)?,
            };
            let mut scatter = Scatter::new(table)
                .x(x)
                .y(y)
                .pictures(&picture)
                .tooltip(&job.tooltip);
            if let Some(color) = &job.color {
                scatter = scatter.color(color);
            }
            if let Some(title) = &job.title {
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
                let source = job
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
fn default_y(table: &ImageTable, job: &ChartJob) -> Result<String, PixtipError> {
    if let Some(metric) = job.metrics.first() {
        return Ok(metric.name.clone());
    }
    table
        .column_names()
        .find(|n| *n != "index" && matches!(table.column(n), Ok(Column::Numbers(_))))
        .map(str::to_string)
        .ok_or_else(|| {
            PixtipError::Chart(
                "nothing to plot on y: give --y FIELD, a --table with numbers, or a --metric"
                    .into(),
            )
        })
}
