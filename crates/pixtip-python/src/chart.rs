//! `pixtip.chart`: the `pixtip chart` command as a call, from columns and
//! arrays held in memory; and the chart it returns.

use crate::arrays::Borrowed;
use crate::errors::to_py;
use crate::interrupt::{self, Interrupt};
use crate::options::PictureArgs;
use crate::pictures::folder_name;
use numpy::PyReadonlyArray1;
use pixtip::job::{
    ChartKind, ChartRequest, MetricSpec, PictureMode, add_index_and_metrics, make_chart,
};
use pixtip::output::{OutputFolder, Save};
use pixtip::spec::{AnyChart, FieldType, HtmlOptions, TopLevel};
use pixtip::{ImageTable, Labels, Notebook, PictureStorage, PixtipError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use std::path::{Path, PathBuf};

/// A table column from Python: a name, float64 numbers or strings, and an
/// optional Altair type code (`Q`, `N`, `O`, `T`).
type ColumnArg<'py> = (String, Bound<'py, PyAny>, Option<String>);

/// What the chart shows, named as `pixtip.chart`'s arguments name it.
#[derive(Debug, FromPyObject)]
#[pyo3(from_item_all)]
pub struct ChartArgs {
    x: Option<String>,
    y: Option<String>,
    color: Option<String>,
    tooltip: Vec<String>,
    title: Option<String>,
    picture: Vec<String>,
    metrics: Vec<String>,
    repeat: Option<Vec<String>>,
    switch: Option<Vec<String>>,
}

impl ChartArgs {
    fn to_request(
        &self,
        picture_options: pixtip::PictureOptions,
        picture_mode: PictureMode,
    ) -> PyResult<ChartRequest> {
        let chart = match (&self.repeat, &self.switch) {
            (Some(_), Some(_)) => {
                return Err(PyValueError::new_err("give repeat or switch, not both"));
            }
            (Some(fields), None) => ChartKind::Repeat(fields.clone()),
            (None, Some(fields)) => ChartKind::Switch(fields.clone()),
            (None, None) => ChartKind::Scatter,
        };
        let metrics = self
            .metrics
            .iter()
            .map(|m| MetricSpec::parse(m))
            .collect::<Result<_, _>>()
            .map_err(to_py)?;
        Ok(ChartRequest {
            x: self.x.clone(),
            y: self.y.clone(),
            color: self.color.clone(),
            tooltip: self.tooltip.clone(),
            title: self.title.clone(),
            picture_sources: self.picture.clone(),
            metrics,
            chart,
            picture_options,
            picture_mode,
            ..ChartRequest::default()
        })
    }
}

/// A chart made by pixtip, ready to be written.
#[pyclass(frozen, module = "pixtip._pixtip")]
pub struct RustChart {
    chart: AnyChart,
}

#[pymethods]
impl RustChart {
    /// The Vega-Lite JSON, as Altair's `to_json()` writes it (indent 2).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.chart.to_json_pretty())
            .map_err(|e| to_py(e.into()))
    }

    /// A standalone HTML page; `offline_js` is a `node_modules` folder whose
    /// vega scripts are inlined (otherwise they load from a CDN).
    #[pyo3(signature = (offline_js=None))]
    fn to_html(&self, py: Python<'_>, offline_js: Option<PathBuf>) -> PyResult<String> {
        let options = html_options(offline_js);
        py.detach(|| self.chart.to_html(&options))
            .map_err(|e| to_py(e.into()))
    }

    /// Writes the chart to `path` (`.html` or `.json`) atomically; returns
    /// the bytes written.
    #[pyo3(signature = (path, offline_js=None))]
    fn save(&self, py: Python<'_>, path: PathBuf, offline_js: Option<PathBuf>) -> PyResult<u64> {
        let options = html_options(offline_js);
        py.detach(|| self.chart.save_with(&path, &options))
            .map_err(to_py)
    }

    /// An `<iframe>` holding the page, for notebooks.
    fn notebook_html(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.chart.notebook_html()).map_err(to_py)
    }
}

fn html_options(offline_js: Option<PathBuf>) -> HtmlOptions {
    match offline_js {
        Some(dir) => HtmlOptions::offline(dir),
        None => HtmlOptions::default(),
    }
}

/// The chart of `columns` (the table) and `images` (name, array) as
/// `pixtip chart` makes it; `pictures` is `"embed"` or a folder to write
/// the PNG files into.
#[pyfunction]
#[pyo3(signature = (columns, images, args, options, pictures))]
pub fn chart(
    py: Python<'_>,
    columns: Vec<ColumnArg<'_>>,
    images: Vec<(String, Bound<'_, PyAny>)>,
    args: ChartArgs,
    options: PictureArgs,
    pictures: String,
) -> PyResult<RustChart> {
    let interrupt = Interrupt::default();
    let mut borrowed = Borrowed::default();
    let mut table = ImageTable::new();
    for (name, values, type_code) in &columns {
        add_table_column(&mut table, name, values, type_code.as_deref())?;
    }
    if images.is_empty() {
        return Err(PyValueError::new_err(
            "chart needs images: an array, a sequence of arrays or a dict of name → array",
        ));
    }
    let first_rows = images.first().map(|(_, a)| a.len().unwrap_or(0));
    for (name, array) in &images {
        let column = borrowed.stack(array, name, &interrupt)?;
        if !columns.is_empty() && column.len() != table.rows() {
            return Err(PyValueError::new_err(format!(
                "the table has {} rows but images `{name}` has {}",
                table.rows(),
                column.len()
            )));
        }
        if Some(column.len()) != first_rows {
            return Err(PyValueError::new_err(format!(
                "images `{}` has {} rows but images `{name}` has {}",
                images[0].0,
                first_rows.unwrap_or(0),
                column.len()
            )));
        }
        table.add_images(name.clone(), column).map_err(to_py)?;
    }
    let mode = if pictures == "embed" {
        PictureMode::Embed
    } else {
        PictureMode::Files
    };
    let request = args.to_request(options.to_options(Labels::ColumnNames)?, mode)?;
    let result = py.detach(|| {
        interrupt::run(&interrupt, |on_batch| {
            let mut progress = |_: pixtip::report::Progress| on_batch();
            add_index_and_metrics(&request, &mut table, &mut progress)?;
            match mode {
                PictureMode::Embed => make_chart(
                    &request,
                    &mut table,
                    &PictureStorage::DataUri,
                    &mut progress,
                ),
                PictureMode::Files => {
                    let out = Path::new(&pictures);
                    let staged = OutputFolder::begin(out, &[])?;
                    let storage = PictureStorage::files(staged.path(), folder_name(out)?);
                    let made = make_chart(&request, &mut table, &storage, &mut progress)?;
                    staged.commit()?;
                    Ok(made)
                }
            }
        })
    });
    drop(table);
    drop(borrowed);
    Ok(RustChart {
        chart: result?.chart,
    })
}

/// Adds one table column: float64 numbers, or strings.
fn add_table_column(
    table: &mut ImageTable,
    name: &str,
    values: &Bound<'_, PyAny>,
    type_code: Option<&str>,
) -> PyResult<()> {
    let added: Result<(), PixtipError> =
        if let Ok(numbers) = values.extract::<PyReadonlyArray1<'_, f64>>() {
            table.add_numbers(name, numbers.as_array().to_vec())
        } else if let Ok(text) = values.extract::<Vec<String>>() {
            table.add_text(name, text)
        } else {
            return Err(PyTypeError::new_err(format!(
                "column `{name}`: expected numbers or strings, not {}",
                crate::arrays::describe(values)
            )));
        };
    added.map_err(to_py)?;
    if let Some(code) = type_code {
        let field_type = FieldType::parse(code).ok_or_else(|| {
            PyValueError::new_err(format!(
                "column `{name}`: type `{code}` is not one of Q, N, O, T"
            ))
        })?;
        table.set_field_type(name, field_type).map_err(to_py)?;
    }
    Ok(())
}
