//! Bars, histograms, heatmaps, lines and areas.

use super::{inline, m, url};
use pixtip_spec::*;
use serde_json::{Value, json};

// -- simple_bar_chart
pub fn simple_bar_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("a", vec!["A", "B", "C", "D", "E", "F", "G", "H", "I"])
            .column("b", vec![28i64, 55, 43, 91, 81, 53, 19, 87, 52]),
    );
    Chart::new(source).mark_bar(m()).encode((X::new("a"), Y::new("b")))
}

// -- bar_chart_sorted
pub fn bar_chart_sorted() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("sum(yield):Q"),
        Y::new("site:N").sort(Sort::by_encoding(ChannelName::X, SortOrder::Descending)),
    ))
}

// -- bar_chart_horizontal_stacked
pub fn bar_chart_horizontal_stacked() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("sum(yield):Q").stack(Stack::Zero),
        Y::new("variety:N"),
        Color::new("site:N"),
    ))
}

// -- bar_chart_normalized_stacked
pub fn bar_chart_normalized_stacked() -> impl Into<AnyChart> {
    Chart::new(url("population.json"))
        .mark_bar(m())
        .encode((
            X::new("age:O").title("Age"),
            Y::new("sum(people):Q").stack(Stack::Normalize).title("Population"),
            Color::new("gender:N").scale(Scale::new().range(vec!["#675193", "#ca8861"])),
        ))
        .transform_filter("(datum.year === 2000)")
        .transform_calculate("gender", "if((datum.sex === 2),'Female','Male')")
}

// -- bar_chart_grouped
pub fn bar_chart_grouped() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("year:O"),
        Y::new("sum(yield):Q"),
        Color::new("year:N"),
        XOffset::new("year:N"),
        Column::new("site:N"),
    ))
}

// -- bar_chart_with_labels
pub fn bar_chart_with_labels() -> impl Into<AnyChart> {
    let source =
        inline(Table::new().column("a", vec!["A", "B", "C"]).column("b", vec![28i64, 55, 43]));
    let bars = Chart::new(source).mark_bar(m()).encode((Y::new("a"), X::new("b")));
    let text = bars
        .clone()
        .mark_text(m().align(Align::Left).baseline(Baseline::Middle).dx(3))
        .encode([Text::new("b")]);
    bars + text
}

// -- bar_chart_with_mean_line
pub fn bar_chart_with_mean_line() -> impl Into<AnyChart> {
    let source = url("seattle-weather.csv");
    let bar = Chart::new(source.clone())
        .mark_bar(m())
        .encode((X::new("month(date):O"), Y::new("mean(precipitation):Q")));
    let rule =
        Chart::new(source).mark_rule(m().color("red")).encode([Y::new("mean(precipitation):Q")]);
    (bar + rule).width(600)
}

// -- bar_chart_diverging_colors
pub fn bar_chart_diverging_colors() -> impl Into<AnyChart> {
    let source = inline(
        Table::new().column("x", vec!["a", "b", "c", "d"]).column("y", vec![4i64, -2, 3, -1]),
    );
    Chart::new(source).mark_bar(m()).encode((
        X::new("x:N"),
        Y::new("y:Q"),
        Channel::when("(datum.y > 0)", Color::value("steelblue"), Color::value("orange")),
    ))
}

// -- simple_histogram
pub fn simple_histogram() -> impl Into<AnyChart> {
    Chart::new(url("movies.json"))
        .mark_bar(m())
        .encode((X::new("IMDB Rating:Q").bin(true), Y::new("count()")))
}

// -- histogram_with_global_mean
pub fn histogram_with_global_mean() -> impl Into<AnyChart> {
    let base = Chart::new(url("movies.json"));
    let bar = base
        .clone()
        .mark_bar(m())
        .encode((X::new("IMDB Rating:Q").bin(Bin::new()).axis(None), Y::new("count()")));
    let rule =
        base.mark_rule(m().color("red")).encode((X::new("mean(IMDB Rating):Q"), Size::value(5)));
    bar + rule
}

// -- binned_heatmap
pub fn binned_heatmap() -> impl Into<AnyChart> {
    Chart::new(url("movies.json")).mark_rect(m()).encode((
        X::new("IMDB Rating:Q").bin(Bin::new().maxbins(60)),
        Y::new("Rotten Tomatoes Rating:Q").bin(Bin::new().maxbins(40)),
        Color::new("count():Q").scale(Scale::new().scheme("greenblue")),
    ))
}

// -- simple_heatmap_weather
pub fn simple_heatmap_weather() -> impl Into<AnyChart> {
    Chart::new(url("seattle-weather.csv"))
        .title("Daily Max Temperatures (C) in Seattle, WA")
        .mark_rect(m())
        .encode((
            X::new("date(date):O").title("Day").axis(Axis::new().format("%e").label_angle(0)),
            Y::new("month(date):O").title("Month"),
            Color::new("max(temp_max):Q").title(Value::Null),
            Tooltip::list([
                Tooltip::new("monthdate(date):T").title("Date"),
                Tooltip::new("max(temp_max):Q").title("Max Temp"),
            ]),
        ))
        .config(json!({"view": {"step": 13, "strokeWidth": 0}, "axis": {"domain": false}}))
}

// -- line_multi_series
pub fn line_multi_series() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv")).mark_line(m()).encode((
        X::new("date:T"),
        Y::new("price:Q"),
        Color::new("symbol:N"),
    ))
}

// -- line_with_points
pub fn line_with_points() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv")).mark_line(m().point(true)).encode((
        X::new("year(date):T"),
        Y::new("mean(price):Q"),
        Color::new("symbol:N"),
    ))
}

// -- line_step
pub fn line_step() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv"))
        .mark_line(m().interpolate(Interpolate::StepAfter))
        .encode((X::new("date:T"), Y::new("price:Q")))
        .transform_filter("(datum.symbol === 'GOOG')")
}

// -- line_log_scale
pub fn line_log_scale() -> impl Into<AnyChart> {
    Chart::new(url("population.json"))
        .mark_line(m())
        .encode((X::new("year:O"), Y::new("sum(people):Q").scale(Scale::new().type_("log"))))
}

// -- line_dual_axis
pub fn line_dual_axis() -> impl Into<AnyChart> {
    let base = Chart::new(url("seattle-weather.csv"))
        .encode([X::new("month(date):T").axis(Axis::new().title(Value::Null))]);
    let area = base.clone().mark_area(m().opacity(0.3).color("#57A44C")).encode((
        Y::new("average(temp_max):Q")
            .axis(Axis::new().title("Avg. Temperature (°C)").title_color("#57A44C")),
        Y2::new("average(temp_min):Q"),
    ));
    let line = base
        .mark_line(m().stroke("#5276A7").interpolate(Interpolate::Monotone))
        .encode([Y::new("average(precipitation):Q")
            .axis(Axis::new().title("Precipitation (inches)").title_color("#5276A7"))]);
    layer([area, line]).resolve_scale(ChannelName::Y, Resolution::Independent)
}

// -- area_stacked
pub fn area_stacked() -> impl Into<AnyChart> {
    Chart::new(url("iowa-electricity.csv")).mark_area(m()).encode((
        X::new("year:T"),
        Y::new("net_generation:Q"),
        Color::new("source:N"),
    ))
}

// -- area_normalized
pub fn area_normalized() -> impl Into<AnyChart> {
    Chart::new(url("iowa-electricity.csv")).mark_area(m()).encode((
        X::new("year:T"),
        Y::new("net_generation:Q").stack(Stack::Normalize),
        Color::new("source:N"),
    ))
}

// -- streamgraph
pub fn streamgraph() -> impl Into<AnyChart> {
    Chart::new(url("unemployment-across-industries.json"))
        .mark_area(m())
        .encode((
            X::new("yearmonth(date):T").axis(Axis::new().format("%Y").domain(false).tick_size(0)),
            Y::new("sum(count):Q").stack(Stack::Center).axis(None),
            Color::new("series:N").scale(Scale::new().scheme("category20b")),
        ))
        .interactive()
}

// -- area_trellis
pub fn area_trellis() -> impl Into<AnyChart> {
    Chart::new(url("iowa-electricity.csv"))
        .mark_area(m())
        .encode((
            X::new("year:T"),
            Y::new("net_generation:Q"),
            Color::new("source:N").legend(None),
            Row::new("source:N").sort(Sort::values([
                "Fossil Fuels",
                "Nuclear Energy",
                "Renewables",
            ])),
        ))
        .height(100)
}

// -- gallery_end
