//! Helpers the facade's test files share.

use pixtip::{ImageColumn, ImageTable, PictureOptions, PictureStorage, no_progress};

/// The pictures of one image column (named `name` in its table), as the
/// data URIs `add_pictures` makes.
pub fn picture_uris(column: &ImageColumn, name: &str, options: &PictureOptions) -> Vec<String> {
    let mut table = ImageTable::new();
    table
        .add_images(name, column.clone())
        .expect("a new table takes the column");
    table
        .add_pictures(
            "picture",
            &[name],
            options,
            &PictureStorage::DataUri,
            &mut no_progress,
        )
        .expect("pictures of the column");
    let uris = table.text("picture").expect("the pictures' column");
    uris.iter().map(str::to_string).collect()
}
