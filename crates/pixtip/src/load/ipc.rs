//! Arrow IPC files (Feather v2, `.arrow`, `.feather`) through `arrow-ipc`,
//! by record batches: the scalar columns are read once (projected), image
//! columns stay in the file and are read a batch at a time when asked for.

use super::arrow_columns::{Plan, ScalarColumns, TableOptions, assemble, check_options, plan};
use super::table_images::{Batches, ColumnBatches, TableImages};
use crate::error::PixtipError;
use crate::table::ImageTable;
use arrow_ipc::reader::FileReaderBuilder;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 6] = b"ARROW1";

/// Reads the Arrow IPC file (Feather v2) at `path`: numbers, text,
/// timestamps and dictionaries as columns, binary and `struct<bytes, path>`
/// columns (and lists of numbers, given `options.shape`) as image columns.
///
/// Errors name the file: not an IPC file (an IPC stream included), a footer
/// or record batch reaching past the end of the file (a truncated file).
pub fn read_ipc(path: impl AsRef<Path>, options: &TableOptions) -> Result<ImageTable, PixtipError> {
    let path = path.as_ref();
    let bad = |message: String| PixtipError::bad_file(path, message);
    let io = |source| PixtipError::io(path, source);
    check_options(options).map_err(bad)?;
    let mut file = File::open(path).map_err(io)?;
    check_blocks(&mut file).map_err(bad)?;
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let reader = FileReaderBuilder::new()
        .build(&mut file)
        .map_err(|e| bad(format!("not a readable Arrow IPC file: {e}")))?;
    let schema = reader.schema();
    drop(reader);
    let plans: Vec<Plan> = schema
        .fields()
        .iter()
        .map(|f| plan(f.data_type(), options))
        .collect();
    let mut scalar_indices = Vec::new();
    let mut scalar_fields = Vec::new();
    for (index, (field, plan)) in schema.fields().iter().zip(&plans).enumerate() {
        if matches!(plan, Plan::Numbers(_) | Plan::Text(_)) {
            scalar_indices.push(index);
            scalar_fields.push((field.name().clone(), plan.clone()));
        }
    }
    // The scalar pass also counts each batch's rows, for the image columns.
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let reader = FileReaderBuilder::new()
        .with_projection(scalar_indices)
        .build(file)
        .map_err(|e| bad(format!("not a readable Arrow IPC file: {e}")))?;
    let mut scalars = ScalarColumns::new(scalar_fields);
    let mut starts = vec![0usize];
    let mut rows = 0usize;
    for batch in reader {
        let batch = batch.map_err(|e| bad(format!("cannot read the table: {e}")))?;
        scalars.append(&batch).map_err(bad)?;
        rows += batch.num_rows();
        starts.push(rows);
    }
    let mut images = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        if let Plan::Images(kind) = plan {
            let batches = IpcColumn {
                path: path.to_path_buf(),
                column: index,
                starts: starts.clone(),
            };
            images.push((
                index,
                TableImages::new(path, rows, kind.clone(), Box::new(batches)),
            ));
        }
    }
    assemble(path, &schema, &plans, scalars, images, rows, options)
}

/// Checks the magic, the footer and every block's place in the file before
/// the reader allocates for them.
fn check_blocks(file: &mut File) -> Result<(), String> {
    let length = file.metadata().map_err(|e| e.to_string())?.len();
    let not_ipc = "not an Arrow IPC file (Feather v2): it does not start and end with ARROW1 (Arrow streams are not read; write a file with pyarrow.feather.write_feather)";
    if length < 18 {
        return Err(not_ipc.into());
    }
    let mut head = [0u8; 6];
    let mut tail = [0u8; 10];
    file.read_exact(&mut head).map_err(|e| e.to_string())?;
    file.seek(SeekFrom::End(-10)).map_err(|e| e.to_string())?;
    file.read_exact(&mut tail).map_err(|e| e.to_string())?;
    if head != *MAGIC || tail[4..] != *MAGIC {
        return Err(not_ipc.into());
    }
    let footer_length = i32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
    let footer_length = u64::try_from(footer_length)
        .ok()
        .filter(|&n| n + 18 <= length)
        .ok_or_else(|| {
            format!("the footer declares {footer_length} bytes, more than the file holds")
        })?;
    let mut footer = vec![0u8; footer_length as usize];
    file.seek(SeekFrom::Start(length - 10 - footer_length))
        .map_err(|e| e.to_string())?;
    file.read_exact(&mut footer).map_err(|e| e.to_string())?;
    let footer =
        arrow_ipc::root_as_footer(&footer).map_err(|e| format!("a damaged footer: {e}"))?;
    let blocks = footer
        .recordBatches()
        .into_iter()
        .flatten()
        .chain(footer.dictionaries().into_iter().flatten());
    for (index, block) in blocks.enumerate() {
        let parts = [
            block.offset(),
            i64::from(block.metaDataLength()),
            block.bodyLength(),
        ];
        let end = parts
            .iter()
            .try_fold(0u64, |sum, &n| sum.checked_add(u64::try_from(n).ok()?));
        if end.is_none_or(|end| end > length) {
            return Err(format!(
                "block {index} is truncated or damaged: it declares offset {}, {} + {} bytes, and the file has {length} bytes",
                parts[0], parts[1], parts[2]
            ));
        }
    }
    Ok(())
}

/// One column of an IPC file, read a record batch at a time.
#[derive(Debug)]
struct IpcColumn {
    path: PathBuf,
    column: usize,
    /// Each batch's first row, then the row count.
    starts: Vec<usize>,
}

impl ColumnBatches for IpcColumn {
    fn batches_from(&self, row: usize) -> Result<(usize, Batches), PixtipError> {
        let path = self.path.clone();
        let bad = move |e: arrow_schema::ArrowError| PixtipError::BadFile {
            path: path.clone(),
            message: format!("cannot read the table: {e}"),
        };
        let count = self.starts.len().saturating_sub(1);
        let index = self.starts[1..].partition_point(|&end| end <= row);
        let file = File::open(&self.path).map_err(|source| PixtipError::Io {
            path: self.path.clone(),
            source,
        })?;
        let mut reader = FileReaderBuilder::new()
            .with_projection(vec![self.column])
            .build(std::io::BufReader::new(file))
            .map_err(bad.clone())?;
        if index < count {
            reader.set_index(index).map_err(bad.clone())?;
        }
        let batches = reader.map(move |batch| batch.map(|b| b.column(0).clone()).map_err(&bad));
        Ok((
            self.starts.get(index).copied().unwrap_or(0),
            Box::new(batches),
        ))
    }
}
