//! Altair's tutorial "Displaying Numpy Images in Tooltips", step by step in
//! Rust. Each step quotes the Python it replaces.
//!
//! `cargo run --release -p pixtip-tutorial --example tutorial -- [OUT_DIR]`
//! (default `out/tutorial`; open the two .html files it writes).

use pixtip::spec::{HtmlOptions, TopLevel};
use pixtip::{ImageTable, Metric, PictureStorage, no_progress};
use pixtip_tutorial::blobs::{BlobDataset, BlobOptions, Seed};
use pixtip_tutorial::demo::charts::{comparison, metric_switch};
use pixtip_tutorial::demo::picture_options;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "out/tutorial".into());
    std::fs::create_dir_all(&out)?;

    // rng = np.random.default_rng([ord(c) for c in 'altair'])
    // df = pd.DataFrame({'image1': [create_blobs('circle') ...], 'image2': [...], 'group': ...})
    let blobs = BlobDataset::generate(&BlobOptions {
        seed: Seed::text("altair"),
        rows: 200,
        ..BlobOptions::default()
    })?;
    let mut df = ImageTable::new();
    df.add_images("image1", blobs.image1)?;
    df.add_images("image2", blobs.image2)?;
    df.add_text("group", blobs.group)?;

    // df[['image1_area', 'image2_area']] = df[['image1', 'image2']].map(lambda x: (x > 0.4).mean())
    df.add_metric("image1_area", "image1", Metric::FractionAbove(0.4))?;
    df.add_metric("image2_area", "image2", Metric::FractionAbove(0.4))?;

    // df['image'] = df[['image1', 'image2']].apply(create_tooltip_image, axis=1)
    let pictures = picture_options(); // unit scaling, 10 px white gap, "im1"/"im2" labels
    df.add_pictures(
        "image",
        &["image1", "image2"],
        &pictures,
        &PictureStorage::DataUri,
        &mut no_progress,
    )?;

    // alt.Chart(df_plot, width=alt.Step(40)).mark_circle(...).encode(...).repeat(...)
    // (pixtip::charts::strip_plots with the tutorial's columns and title)
    let comparison = comparison(&df)?;

    // df[['image1_base64', 'image2_base64']] = df[['image1', 'image2']].map(create_tooltip_image)
    df.add_pictures(
        "image1_base64",
        &["image1"],
        &pictures,
        &PictureStorage::DataUri,
        &mut no_progress,
    )?;
    df.add_pictures(
        "image2_base64",
        &["image2"],
        &pictures,
        &PictureStorage::DataUri,
        &mut no_progress,
    )?;

    // metric_param = alt.param(value='image1_area', bind=alt.binding_select(...))
    // alt.hconcat(alt.Chart().mark_text(...), alt.Chart(df_plot)...transform_calculate(...))
    // (pixtip::charts::metric_switch; the tooltip's picture is the chosen
    // metric's name with `_area` replaced by `_base64`, as in Altair)
    let metric_switch = metric_switch(&df)?;

    // chart.save('comparison.html')
    let html = HtmlOptions::default();
    std::fs::write(format!("{out}/comparison.html"), comparison.to_html(&html)?)?;
    std::fs::write(
        format!("{out}/metric-switch.html"),
        metric_switch.to_html(&html)?,
    )?;
    println!("wrote {out}/comparison.html and {out}/metric-switch.html");
    Ok(())
}
