//! Arrow IPC files (Feather v2, `.arrow`, `.feather`) and streams (`.arrows`,
//! and the `.arrow` files Hugging Face `datasets` caches) through
//! `arrow-ipc`, by record batches: the scalar columns are read once (projected), image
//! columns stay in the file and are read a batch at a time when asked for.

use super::arrow_columns::{Plan, ScalarColumns, TableOptions, assemble, check_options, plans};
use super::column_streams::{Batches, ColumnBatches, part_holding, part_start};
use super::table_images::TableImages;
use crate::error::PixtipError;
use crate::read_at::read_at;
use crate::table::ImageTable;
use arrow_array::RecordBatch;
use arrow_ipc::reader::{FileReaderBuilder, StreamReader};
use arrow_schema::{ArrowError, SchemaRef};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 6] = b"ARROW1";

/// Reads the Arrow IPC file (Feather v2) or stream at `path`: numbers, text,
/// timestamps and dictionaries as columns, binary and `struct<bytes, path>`
/// columns (and lists of numbers, given `options.shape`) as image columns.
///
/// Errors name the file: not Arrow IPC, a footer, record batch or message
/// reaching past the end of the file (a truncated file).
pub fn read_ipc(path: impl AsRef<Path>, options: &TableOptions) -> Result<ImageTable, PixtipError> {
    let path = path.as_ref();
    let bad = |message: String| PixtipError::bad_file(path, message);
    let io = |source| PixtipError::io(path, source);
    check_options(options).map_err(bad)?;
    let mut file = File::open(path).map_err(io)?;
    let form = check_blocks(&mut file).map_err(bad)?;
    let unreadable = |e: ArrowError| bad(format!("not a readable Arrow IPC {}: {e}", form.name()));
    let schema = open_batches(path, form, None, 0, unreadable)?.0;
    let plans = plans(&schema, options);
    let mut scalar_indices = Vec::new();
    let mut scalar_fields = Vec::new();
    for (index, (field, plan)) in schema.fields().iter().zip(&plans).enumerate() {
        if matches!(plan, Plan::Numbers(_) | Plan::Text(_)) {
            scalar_indices.push(index);
            scalar_fields.push((field.name().clone(), plan.clone()));
        }
    }
    // The scalar pass also counts each batch's rows, for the image columns.
    let (_, batches) = open_batches(path, form, Some(scalar_indices), 0, unreadable)?;
    let mut scalars = ScalarColumns::new(scalar_fields);
    let mut starts = vec![0usize];
    let mut rows = 0usize;
    for batch in batches {
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
                form,
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

/// The two forms of Arrow IPC data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A file (Feather v2): magic, batches, and a footer indexing them.
    File,
    /// A stream: a schema message, then batches one after another.
    Stream,
}

/// Record batches, read in order.
type BatchIter = Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>> + Send>;

/// The schema of all columns and the record batches of the columns
/// `projection` (all when `None`), from batch `first` on (none when `first`
/// is past the last). Reader errors go through `failed`.
fn open_batches(
    path: &Path,
    form: Form,
    projection: Option<Vec<usize>>,
    first: usize,
    failed: impl Fn(ArrowError) -> PixtipError,
) -> Result<(SchemaRef, BatchIter), PixtipError> {
    let file = BufReader::new(File::open(path).map_err(|source| PixtipError::io(path, source))?);
    Ok(match form {
        Form::File => {
            let mut builder = FileReaderBuilder::new();
            if let Some(projection) = projection {
                builder = builder.with_projection(projection);
            }
            let mut reader = builder.build(file).map_err(&failed)?;
            match first {
                0 => {}
                n if n < reader.num_batches() => reader.set_index(n).map_err(&failed)?,
                _ => return Ok((reader.schema(), Box::new(std::iter::empty()))),
            }
            (reader.schema(), Box::new(reader))
        }
        // A stream has no index: read from its start, passing over the
        // batches before `first`.
        Form::Stream => {
            let reader = StreamReader::try_new(file, projection).map_err(&failed)?;
            (reader.schema(), Box::new(reader.skip(first)))
        }
    })
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::File => "file",
            Form::Stream => "stream",
        }
    }
}

/// Which form the data has, after checking every block's (file) or
/// message's (stream) place in the file before a reader allocates for it.
fn check_blocks(file: &mut File) -> Result<Form, String> {
    let length = file.metadata().map_err(|e| e.to_string())?.len();
    let mut head = [0u8; 6];
    if length < 6 || file.read_exact(&mut head).is_err() || head != *MAGIC {
        return check_messages(file, length).map(|()| Form::Stream);
    }
    let not_ipc =
        "not an Arrow IPC file (Feather v2): it starts with ARROW1 but does not end with it";
    if length < 18 {
        return Err(not_ipc.into());
    }
    let mut tail = [0u8; 10];
    file.seek(SeekFrom::End(-10)).map_err(|e| e.to_string())?;
    file.read_exact(&mut tail).map_err(|e| e.to_string())?;
    if tail[4..] != *MAGIC {
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
    Ok(Form::File)
}

/// Walks a stream's messages (a length, a flatbuffer header, a body) and
/// checks that each lies within the file.
fn check_messages(file: &mut File, length: u64) -> Result<(), String> {
    let not_ipc = "not an Arrow IPC file or stream: it does not start with ARROW1, and does not start with a stream's message either";
    let mut at = 0u64;
    for index in 0usize.. {
        if at == length {
            return Ok(());
        }
        // The first message decides whether this is a stream at all.
        let fail = |problem: String| match index {
            0 => not_ipc.to_string(),
            _ => format!("message {index} {problem}"),
        };
        let cut = |_| fail("is cut short".into());
        let mut word = [0u8; 4];
        read_at(file, &mut word, at).map_err(cut)?;
        let mut size = i32::from_le_bytes(word);
        at += 4;
        if size == -1 {
            read_at(file, &mut word, at).map_err(cut)?;
            size = i32::from_le_bytes(word);
            at += 4;
        }
        if size == 0 {
            return Ok(());
        }
        let size = u64::try_from(size)
            .ok()
            .filter(|&s| at + s <= length)
            .ok_or_else(|| {
                fail(format!(
                    "declares {size} bytes of header, more than the file holds"
                ))
            })?;
        let mut header = vec![0u8; size as usize];
        read_at(file, &mut header, at).map_err(|e| e.to_string())?;
        let message = arrow_ipc::root_as_message(&header)
            .map_err(|e| fail(format!("has a damaged header: {e}")))?;
        at += size;
        let body = u64::try_from(message.bodyLength())
            .ok()
            .filter(|&b| at + b <= length)
            .ok_or_else(|| {
                format!(
                    "message {index} is truncated or damaged: it declares {} bytes of data, and the file has {} left",
                    message.bodyLength(),
                    length - at
                )
            })?;
        at += body;
    }
    Ok(())
}

/// One column of an IPC file, read a record batch at a time.
#[derive(Debug)]
struct IpcColumn {
    path: PathBuf,
    form: Form,
    column: usize,
    /// Each batch's first row, then the row count.
    starts: Vec<usize>,
}

impl ColumnBatches for IpcColumn {
    fn restart_row(&self, row: usize) -> usize {
        match self.form {
            // A file's footer indexes its batches.
            Form::File => part_start(&self.starts, row),
            // A stream is read from its start whatever the row.
            Form::Stream => 0,
        }
    }

    fn batches_from(&self, row: usize) -> Result<(usize, Batches), PixtipError> {
        let path = self.path.clone();
        let bad = move |e: ArrowError| {
            PixtipError::bad_file(&path, format!("cannot read the table: {e}"))
        };
        let index = part_holding(&self.starts, row);
        // A stream restarts from its beginning: once per pass over the rows.
        let (_, batches) = open_batches(
            &self.path,
            self.form,
            Some(vec![self.column]),
            index,
            bad.clone(),
        )?;
        let batches = batches.map(move |batch| batch.map(|b| b.column(0).clone()).map_err(&bad));
        Ok((part_start(&self.starts, row), Box::new(batches)))
    }
}
