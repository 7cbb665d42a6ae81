//! Charts from Altair's example gallery, built with pixtip-spec: one function per
//! example of xtask/python/gallery_basic.py and gallery_advanced.py, same names
//! and order, in `basic` and `advanced`. Lines between `// --` markers are what the README's line counts
//! compare.

mod advanced;
mod basic;

use advanced::*;
use basic::*;
use pixtip_spec::*;

/// `data.<name>.url` of `altair.datasets`.
fn url(file: &str) -> Data {
    Data::url(format!("https://cdn.jsdelivr.net/npm/vega-datasets@v3.2.1/data/{file}"))
}

fn inline(table: Table) -> Data {
    Data::from_table(table).expect("valid table")
}

fn m() -> MarkProps {
    MarkProps::new()
}

/// Every gallery chart, by the name of its Altair example function.
/// Each chart by its name, made by the function of that name.
macro_rules! named {
    ($($chart:ident),* $(,)?) => {
        vec![$((stringify!($chart), $chart().into())),*]
    };
}

pub fn gallery() -> Vec<(&'static str, AnyChart)> {
    named![
        simple_bar_chart,
        bar_chart_sorted,
        bar_chart_horizontal_stacked,
        bar_chart_normalized_stacked,
        bar_chart_grouped,
        bar_chart_with_labels,
        bar_chart_with_mean_line,
        bar_chart_diverging_colors,
        simple_histogram,
        histogram_with_global_mean,
        binned_heatmap,
        simple_heatmap_weather,
        line_multi_series,
        line_with_points,
        line_step,
        line_log_scale,
        line_dual_axis,
        area_stacked,
        area_normalized,
        streamgraph,
        area_trellis,
        scatter_tooltips,
        scatter_bubble,
        scatter_trellis,
        scatter_matrix,
        strip_plot,
        boxplot,
        errorbars_with_ci,
        pie_chart,
        donut_chart,
        gantt_chart,
        cumulative_count,
        interactive_legend,
        interval_selection,
        scatter_linked_brush,
        selection_highlight_bar,
        dropdown_filter,
        slider_cutoff,
        layered_histogram,
        seattle_weather_stacked_bar,
        faceted_grid_header,
        bar_chart_sorted_by_field,
        line_time_unit,
    ]
}
