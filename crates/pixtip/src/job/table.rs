//! The table a request charts: its inputs read and checked against each other.

use super::request::ChartRequest;
use crate::error::{PixtipError, RequestError};
use crate::images::ImageColumn;
use crate::load::{ImageFolder, is_table_file, read_images, read_table, split_zarr_input};
use crate::report::Progress;
use crate::table::{ImageTable, TableColumn};

/// The table a request charts: the table's columns, the image columns,
/// `index`, and the metrics.
pub fn build_table(
    request: &ChartRequest,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImageTable, PixtipError> {
    if request.inputs.is_empty() {
        return Err(RequestError::NoInput.into());
    }
    // A Parquet or Arrow input is the table, and may hold the images.
    let mut table_path = request.table.clone();
    let mut image_inputs = Vec::new();
    for input in &request.inputs {
        if is_table_file(input) && !input.is_dir() {
            if let Some(other) = &table_path {
                return Err(RequestError::TwoTables {
                    input: input.clone(),
                    table: other.clone(),
                }
                .into());
            }
            table_path = Some(input.clone());
        } else {
            image_inputs.push(input);
        }
    }
    let mut table = match &table_path {
        Some(path) => read_table(path, &request.table_options)?,
        None => ImageTable::new(),
    };
    let table_name = table_path
        .as_ref()
        .map_or_else(|| "the table".to_string(), |p| p.display().to_string());
    let mut images: Vec<(String, ImageColumn, String)> = Vec::new();
    for input in image_inputs {
        progress(Progress {
            stage: "images",
            done: images.len(),
            total: request.inputs.len(),
        });
        let columns = match (&request.file_name_column, input.is_dir()) {
            (Some(file_column), true) if split_zarr_input(input).is_none() => {
                if table_path.is_none() {
                    return Err(RequestError::FileNamesNeedTable {
                        column: file_column.clone(),
                    }
                    .into());
                }
                let names = table.text(file_column)?.to_vec();
                let folder = ImageFolder::with_names(input, &names, file_column)?;
                let name = input
                    .file_name()
                    .map_or_else(|| "images".into(), |n| n.to_string_lossy().into_owned());
                vec![(name, ImageColumn::from_source(folder))]
            }
            _ => read_images(input)?,
        };
        for (name, column) in columns {
            images.push((name, column, input.display().to_string()));
        }
    }
    let has_table = table_path.is_some();
    if images.is_empty() && image_columns(&table).is_empty() {
        return Err(RequestError::NoImages { table: table_name }.into());
    }
    if let Some((first_name, first, first_origin)) = images.first() {
        for (name, column, origin) in &images {
            if column.len() != first.len() {
                return Err(PixtipError::RowCounts {
                    first: format!("{first_origin} (`{first_name}`)"),
                    first_rows: first.len(),
                    second: format!("{origin} (`{name}`)"),
                    second_rows: column.len(),
                });
            }
        }
        if has_table && table.rows() != first.len() {
            return Err(PixtipError::RowCounts {
                first: table_name,
                first_rows: table.rows(),
                second: format!("{first_origin} (`{first_name}`)"),
                second_rows: first.len(),
            });
        }
    }
    for (name, column, origin) in images {
        table
            .add_images(name.clone(), column)
            .map_err(|e| match e {
                PixtipError::DuplicateColumn { name } => {
                    RequestError::ImageNameTaken { origin, name }.into()
                }
                other => other,
            })?;
    }
    add_index_and_metrics(request, &mut table, progress)?;
    Ok(table)
}

/// Adds what every charted table has after its own columns and images: an
/// `index` column (0, 1, …) unless the table has one, then `request.metrics`.
pub fn add_index_and_metrics(
    request: &ChartRequest,
    table: &mut ImageTable,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), PixtipError> {
    if table.column("index").is_err() {
        let rows = table.rows();
        table.add_numbers("index", (0..rows).map(|i| i as f64).collect())?;
    }
    for (done, spec) in request.metrics.iter().enumerate() {
        progress(Progress {
            stage: "metrics",
            done,
            total: request.metrics.len(),
        });
        table.add_metric(spec.name.clone(), &spec.source, spec.metric)?;
    }
    Ok(())
}

pub(super) fn image_columns(table: &ImageTable) -> Vec<String> {
    table
        .column_names()
        .filter(|n| matches!(table.column(n), Ok(TableColumn::Images(_))))
        .map(str::to_string)
        .collect()
}
