//! Parquet tables through the `parquet` crate's Arrow reader, by row groups:
//! the scalar columns are read once (projected, a batch at a time), image
//! columns stay in the file and are read forward a batch at a time when
//! their rows are asked for.

use super::arrow_columns::{Plan, ScalarColumns, TableOptions, assemble, check_options, plans};
use super::column_streams::{Batches, ColumnBatches, part_holding, part_start};
use super::table_images::TableImages;
use crate::error::PixtipError;
use crate::table::ImageTable;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Rows per batch of image cells. 128 rows of 64×64 PNGs are 360 KB:
/// against batches of 256, the 100,000-PNG benchmark's peak fell from about
/// 72 to 65 MiB and its time did not grow (64 rows gained nothing more).
const IMAGE_BATCH_ROWS: usize = 128;
/// Rows per batch of scalar cells.
const SCALAR_BATCH_ROWS: usize = 8192;

/// Reads the Parquet file at `path`: numbers, text, timestamps and
/// dictionaries as columns, binary and `struct<bytes, path>` columns (and
/// lists of numbers, given `options.shape`) as image columns.
///
/// Errors name the file: not Parquet, a footer whose row groups disagree
/// with it or reach past the end of the file (a truncated file), column
/// chunks over [`MAX_ARRAY_BYTES`](super::MAX_ARRAY_BYTES) uncompressed.
pub fn read_parquet(
    path: impl AsRef<Path>,
    options: &TableOptions,
) -> Result<ImageTable, PixtipError> {
    let path = path.as_ref();
    guarded(path, || read(path, options))
}

/// Runs `work`, turning a panic inside the `parquet` crate (which `cargo
/// xtask fuzz` finds on some damaged files) into an error naming the file.
fn guarded<T>(
    path: &Path,
    work: impl FnOnce() -> Result<T, PixtipError>,
) -> Result<T, PixtipError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(PixtipError::BadFile {
            path: path.to_path_buf(),
            message: "a damaged Parquet file: the parquet reader gave up on it".into(),
        })
    })
}

fn read(path: &Path, options: &TableOptions) -> Result<ImageTable, PixtipError> {
    let bad = |message: String| PixtipError::bad_file(path, message);
    check_options(options).map_err(bad)?;
    let file = File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let length = file
        .metadata()
        .map_err(|source| PixtipError::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    let metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
        .map_err(|e| bad(format!("not a readable Parquet file: {e}")))?;
    let starts = check_row_groups(&metadata, footer_start(&file, length)).map_err(bad)?;
    let rows = starts.last().copied().unwrap_or(0);
    let schema = metadata.schema().clone();
    let plans = plans(&schema, options);
    let mut images = Vec::new();
    let mut scalar_indices = Vec::new();
    let mut scalar_fields = Vec::new();
    for (index, (field, plan)) in schema.fields().iter().zip(&plans).enumerate() {
        match plan {
            Plan::Images(kind) => {
                let batches = ParquetColumn {
                    path: path.to_path_buf(),
                    metadata: metadata.clone(),
                    column: index,
                    starts: starts.clone(),
                };
                images.push((
                    index,
                    TableImages::new(path, rows, kind.clone(), Box::new(batches)),
                ));
            }
            Plan::Numbers(_) | Plan::Text(_) => {
                scalar_indices.push(index);
                scalar_fields.push((field.name().clone(), plan.clone()));
            }
            Plan::Skip => {}
        }
    }
    let mut scalars = ScalarColumns::new(scalar_fields);
    if !scalar_indices.is_empty() {
        let mask = ProjectionMask::roots(metadata.parquet_schema(), scalar_indices);
        let reader = ParquetRecordBatchReaderBuilder::new_with_metadata(file, metadata.clone())
            .with_projection(mask)
            .with_batch_size(SCALAR_BATCH_ROWS)
            .build()
            .map_err(|e| bad(format!("cannot read the table: {e}")))?;
        for batch in reader {
            let batch = batch.map_err(|e| bad(format!("cannot read the table: {e}")))?;
            scalars.append(&batch).map_err(bad)?;
        }
    }
    assemble(path, &schema, &plans, scalars, images, rows, options)
}

/// Where the footer starts (its length is in the file's last 8 bytes): the
/// column chunks must all end before it.
fn footer_start(file: &File, length: u64) -> u64 {
    let mut tail = [0u8; 8];
    let read = length >= 8 && {
        #[cfg(unix)]
        let ok = std::os::unix::fs::FileExt::read_exact_at(file, &mut tail, length - 8).is_ok();
        #[cfg(not(unix))]
        let ok = false;
        ok
    };
    if !read {
        return length;
    }
    let footer = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
    length.saturating_sub(8).saturating_sub(footer)
}

/// The first row of each row group, then the row count, after checking
/// that the row groups agree with the footer and lie inside the file,
/// before the footer (`length`: where it starts).
fn check_row_groups(metadata: &ArrowReaderMetadata, length: u64) -> Result<Vec<usize>, String> {
    let parquet = metadata.metadata();
    let mut starts = vec![0usize];
    let mut total: u64 = 0;
    for (index, group) in parquet.row_groups().iter().enumerate() {
        let rows = u64::try_from(group.num_rows())
            .map_err(|_| format!("row group {index} declares {} rows", group.num_rows()))?;
        total = total.saturating_add(rows);
        for column in group.columns() {
            let (start, size) = column.byte_range();
            if start.saturating_add(size) > length {
                return Err(format!(
                    "row group {index} is truncated: column `{}` reaches byte {}, but the footer starts at byte {length}",
                    column.column_path(),
                    start.saturating_add(size)
                ));
            }
            let uncompressed = u64::try_from(column.uncompressed_size()).unwrap_or(u64::MAX);
            if uncompressed > super::MAX_ARRAY_BYTES {
                return Err(format!(
                    "row group {index}'s column `{}` declares {uncompressed} bytes, over the limit of {} bytes",
                    column.column_path(),
                    super::MAX_ARRAY_BYTES
                ));
            }
        }
        starts.push(usize::try_from(total).map_err(|_| format!("{total} rows are too many"))?);
    }
    let declared = parquet.file_metadata().num_rows();
    if u64::try_from(declared).ok() != Some(total) {
        return Err(format!(
            "the row groups hold {total} rows, but the footer declares {declared}"
        ));
    }
    Ok(starts)
}

/// One column of a Parquet file, read forward from a row group.
#[derive(Debug)]
struct ParquetColumn {
    path: PathBuf,
    metadata: ArrowReaderMetadata,
    column: usize,
    /// Each row group's first row, then the row count.
    starts: Vec<usize>,
}

impl ColumnBatches for ParquetColumn {
    fn restart_row(&self, row: usize) -> usize {
        part_start(&self.starts, row)
    }

    fn batches_from(&self, row: usize) -> Result<(usize, Batches), PixtipError> {
        let bad = |e: parquet::errors::ParquetError| PixtipError::BadFile {
            path: self.path.clone(),
            message: format!("cannot read the table: {e}"),
        };
        let groups = self.starts.len().saturating_sub(1);
        let group = part_holding(&self.starts, row);
        let file = File::open(&self.path).map_err(|source| PixtipError::Io {
            path: self.path.clone(),
            source,
        })?;
        let mask = ProjectionMask::roots(self.metadata.parquet_schema(), [self.column]);
        let reader =
            ParquetRecordBatchReaderBuilder::new_with_metadata(file, self.metadata.clone())
                .with_projection(mask)
                .with_row_groups((group..groups).collect())
                .with_batch_size(IMAGE_BATCH_ROWS)
                .build()
                .map_err(bad)?;
        let path = self.path.clone();
        let mut reader = reader;
        let batches = std::iter::from_fn(move || {
            guarded(&path, || Ok(reader.next()))
                .map(|next| {
                    next.map(|batch| {
                        batch
                            .map(|b| b.column(0).clone())
                            .map_err(|e| PixtipError::BadFile {
                                path: path.clone(),
                                message: format!("cannot read the table: {e}"),
                            })
                    })
                })
                .unwrap_or_else(|e| Some(Err(e)))
        });
        Ok((self.restart_row(row), Box::new(batches)))
    }
}
