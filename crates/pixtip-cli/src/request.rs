//! `pixtip chart`'s flags as the facade's [`ChartRequest`].

use crate::args::{ChartArgs, PicturesArg, VlJsonArg, preset};
use pixtip::job::{ChartKind, ChartRequest, PictureMode};
use pixtip::load::TableOptions;
use pixtip::output::SpecPictures;
use pixtip::{Look, PictureOptions, PictureSize, Zoom};

/// The request the flags make.
pub fn chart_request(args: &ChartArgs) -> ChartRequest {
    let chart = match (&args.repeat[..], &args.switch[..]) {
        ([], []) => ChartKind::Scatter,
        ([], switch) => ChartKind::Switch(switch.to_vec()),
        (repeat, _) => ChartKind::Repeat(repeat.to_vec()),
    };
    let picture_options = PictureOptions {
        scale: args.scale,
        look: Look {
            colormap: args.colormap,
            ..Look::default()
        },
        size: PictureSize {
            thumbnail: (args.thumbnail > 0).then_some(args.thumbnail),
            zoom: args.zoom.map_or(Zoom::Auto, Zoom::Factor),
        },
        preset: preset(args.page.png),
        ..PictureOptions::default()
    };
    ChartRequest {
        inputs: args.inputs.clone(),
        table: args.table.clone(),
        table_options: TableOptions {
            types: args.types.clone(),
            shape: args.shape.clone(),
        },
        file_name_column: args.file_column.clone(),
        chart,
        x: args.x.clone(),
        y: args.y.clone(),
        color: args.color.clone(),
        tooltip: args.tooltip.clone(),
        title: args.title.clone(),
        picture_sources: args.picture.clone(),
        metrics: args.metric.clone(),
        picture_options,
        picture_mode: match args.pictures {
            PicturesArg::Embed => PictureMode::Embed,
            PicturesArg::Files => PictureMode::Files,
        },
        offline_scripts: args.page.offline_js.clone(),
        spec_pictures: match args.vl_json {
            VlJsonArg::Lean => SpecPictures::InPageOnly,
            VlJsonArg::Full => SpecPictures::Full,
        },
        allow_large_page: args.atlas.force_large_page,
    }
}
