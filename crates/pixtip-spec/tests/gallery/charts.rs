//! Charts from Altair's example gallery, built with pixtip-spec: one function per
//! example of xtask/python/gallery_spec.py, same names and order. Lines between
//! `// --` markers are what the README's line counts compare.

use pixtip_spec::*;
use serde_json::{Value, json};

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

// -- simple_bar_chart
fn simple_bar_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("a", vec!["A", "B", "C", "D", "E", "F", "G", "H", "I"])
            .column("b", vec![28i64, 55, 43, 91, 81, 53, 19, 87, 52]),
    );
    Chart::new(source).mark_bar(m()).encode((X::new("a"), Y::new("b")))
}

// -- bar_chart_sorted
fn bar_chart_sorted() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("sum(yield):Q"),
        Y::new("site:N").sort(Sort::by_encoding(ChannelName::X, SortOrder::Descending)),
    ))
}

// -- bar_chart_horizontal_stacked
fn bar_chart_horizontal_stacked() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("sum(yield):Q").stack(Stack::Zero),
        Y::new("variety:N"),
        Color::new("site:N"),
    ))
}

// -- bar_chart_normalized_stacked
fn bar_chart_normalized_stacked() -> impl Into<AnyChart> {
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
fn bar_chart_grouped() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("year:O"),
        Y::new("sum(yield):Q"),
        Color::new("year:N"),
        XOffset::new("year:N"),
        Column::new("site:N"),
    ))
}

// -- bar_chart_with_labels
fn bar_chart_with_labels() -> impl Into<AnyChart> {
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
fn bar_chart_with_mean_line() -> impl Into<AnyChart> {
    let source = url("seattle-weather.csv");
    let bar = Chart::new(source.clone())
        .mark_bar(m())
        .encode((X::new("month(date):O"), Y::new("mean(precipitation):Q")));
    let rule =
        Chart::new(source).mark_rule(m().color("red")).encode([Y::new("mean(precipitation):Q")]);
    (bar + rule).width(600)
}

// -- bar_chart_diverging_colors
fn bar_chart_diverging_colors() -> impl Into<AnyChart> {
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
fn simple_histogram() -> impl Into<AnyChart> {
    Chart::new(url("movies.json"))
        .mark_bar(m())
        .encode((X::new("IMDB Rating:Q").bin(true), Y::new("count()")))
}

// -- histogram_with_global_mean
fn histogram_with_global_mean() -> impl Into<AnyChart> {
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
fn binned_heatmap() -> impl Into<AnyChart> {
    Chart::new(url("movies.json")).mark_rect(m()).encode((
        X::new("IMDB Rating:Q").bin(Bin::new().maxbins(60)),
        Y::new("Rotten Tomatoes Rating:Q").bin(Bin::new().maxbins(40)),
        Color::new("count():Q").scale(Scale::new().scheme("greenblue")),
    ))
}

// -- simple_heatmap_weather
fn simple_heatmap_weather() -> impl Into<AnyChart> {
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
fn line_multi_series() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv")).mark_line(m()).encode((
        X::new("date:T"),
        Y::new("price:Q"),
        Color::new("symbol:N"),
    ))
}

// -- line_with_points
fn line_with_points() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv")).mark_line(m().point(true)).encode((
        X::new("year(date):T"),
        Y::new("mean(price):Q"),
        Color::new("symbol:N"),
    ))
}

// -- line_step
fn line_step() -> impl Into<AnyChart> {
    Chart::new(url("stocks.csv"))
        .mark_line(m().interpolate(Interpolate::StepAfter))
        .encode((X::new("date:T"), Y::new("price:Q")))
        .transform_filter("(datum.symbol === 'GOOG')")
}

// -- line_log_scale
fn line_log_scale() -> impl Into<AnyChart> {
    Chart::new(url("population.json"))
        .mark_line(m())
        .encode((X::new("year:O"), Y::new("sum(people):Q").scale(Scale::new().type_("log"))))
}

// -- line_dual_axis
fn line_dual_axis() -> impl Into<AnyChart> {
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
fn area_stacked() -> impl Into<AnyChart> {
    Chart::new(url("iowa-electricity.csv")).mark_area(m()).encode((
        X::new("year:T"),
        Y::new("net_generation:Q"),
        Color::new("source:N"),
    ))
}

// -- area_normalized
fn area_normalized() -> impl Into<AnyChart> {
    Chart::new(url("iowa-electricity.csv")).mark_area(m()).encode((
        X::new("year:T"),
        Y::new("net_generation:Q").stack(Stack::Normalize),
        Color::new("source:N"),
    ))
}

// -- streamgraph
fn streamgraph() -> impl Into<AnyChart> {
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
fn area_trellis() -> impl Into<AnyChart> {
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

// -- scatter_tooltips
fn scatter_tooltips() -> impl Into<AnyChart> {
    Chart::new(url("cars.json"))
        .mark_circle(m().size(60))
        .encode((
            X::new("Horsepower:Q"),
            Y::new("Miles_per_Gallon:Q"),
            Color::new("Origin:N"),
            Tooltip::list(["Name:N", "Origin:N", "Horsepower:Q", "Miles_per_Gallon:Q"]),
        ))
        .interactive()
}

// -- scatter_bubble
fn scatter_bubble() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_point(m()).encode((
        X::new("Horsepower:Q"),
        Y::new("Miles_per_Gallon:Q"),
        Size::new("Acceleration:Q"),
    ))
}

// -- scatter_trellis
fn scatter_trellis() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_point(m()).encode((
        X::new("Horsepower:Q"),
        Y::new("Miles_per_Gallon:Q"),
        Row::new("Origin:N"),
    ))
}

// -- scatter_matrix
fn scatter_matrix() -> impl Into<AnyChart> {
    Chart::new(url("cars.json"))
        .mark_circle(m())
        .encode((
            X::repeat_column().quantitative(),
            Y::repeat_row().quantitative(),
            Color::new("Origin:N"),
        ))
        .width(150)
        .height(150)
        .repeat(Repeat::grid(
            ["Horsepower", "Acceleration", "Miles_per_Gallon"],
            ["Miles_per_Gallon", "Acceleration", "Horsepower"],
        ))
        .interactive()
}

// -- strip_plot
fn strip_plot() -> impl Into<AnyChart> {
    Chart::new(url("cars.json"))
        .mark_tick(m())
        .encode((X::new("Horsepower:Q"), Y::new("Cylinders:O")))
}

// -- boxplot
fn boxplot() -> impl Into<AnyChart> {
    Chart::new(url("population.json"))
        .mark_boxplot(m().extent(Extent::MinMax))
        .encode((X::new("age:O"), Y::new("people:Q")))
}

// -- errorbars_with_ci
fn errorbars_with_ci() -> impl Into<AnyChart> {
    let source = url("barley.json");
    let error_bars = Chart::new(source.clone())
        .mark_errorbar(m().extent(Extent::Ci))
        .encode((X::new("yield:Q").scale(Scale::new().zero(false)), Y::new("variety:N")));
    let points = Chart::new(source)
        .mark_point(m().filled(true).color("black"))
        .encode((X::new("mean(yield):Q"), Y::new("variety:N")));
    error_bars + points
}

// -- pie_chart
fn pie_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("category", vec![1i64, 2, 3, 4, 5, 6])
            .column("value", vec![4i64, 6, 10, 3, 7, 8]),
    );
    Chart::new(source).mark_arc(m()).encode((Theta::new("value"), Color::new("category")))
}

// -- donut_chart
fn donut_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("category", vec![1i64, 2, 3, 4, 5, 6])
            .column("value", vec![4i64, 6, 10, 3, 7, 8]),
    );
    Chart::new(source)
        .mark_arc(m().inner_radius(50))
        .encode((Theta::new("value"), Color::new("category:N")))
}

// -- gantt_chart
fn gantt_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("task", vec!["A", "B", "C"])
            .column("start", vec![1i64, 3, 8])
            .column("end", vec![3i64, 8, 10]),
    );
    Chart::new(source).mark_bar(m()).encode((X::new("start"), X2::new("end"), Y::new("task")))
}

// -- cumulative_count
fn cumulative_count() -> impl Into<AnyChart> {
    Chart::new(url("movies.json"))
        .transform(
            Transform::window([("cumulative_count", "count()")])
                .sort(json!([{"field": "IMDB Rating"}])),
        )
        .mark_area(m())
        .encode((X::new("IMDB Rating:Q"), Y::new("cumulative_count:Q")))
}

// -- interactive_legend
fn interactive_legend() -> impl Into<AnyChart> {
    let selection = Param::selection_point().fields(["series"]).bind(Binding::legend());
    Chart::new(url("unemployment-across-industries.json"))
        .mark_area(m())
        .encode((
            X::new("yearmonth(date):T").axis(Axis::new().domain(false).format("%Y").tick_size(0)),
            Y::new("sum(count):Q").stack(Stack::Center).axis(None),
            Color::new("series:N").scale(Scale::new().scheme("category20b")),
            when(&selection).then(Opacity::value(1)).otherwise(Opacity::value(0.2)),
        ))
        .add_params([&selection])
}

// -- interval_selection
fn interval_selection() -> impl Into<AnyChart> {
    let brush = Param::selection_interval().encodings(["x"]);
    let base = Chart::new(url("sp500.csv"))
        .mark_area(m())
        .encode((X::new("date:T"), Y::new("price:Q")))
        .width(600)
        .height(200);
    let upper =
        base.clone().encode([X::new("date:T").scale(Scale::new().domain(brush.domain_ref()))]);
    let lower = base.height(60).add_params([&brush]);
    upper & lower
}

// -- scatter_linked_brush
fn scatter_linked_brush() -> impl Into<AnyChart> {
    let brush = Param::selection_interval();
    let points = Chart::new(url("cars.json"))
        .mark_point(m())
        .encode((
            X::new("Horsepower:Q"),
            Y::new("Miles_per_Gallon:Q"),
            Channel::when(&brush, Color::new("Origin:N"), Color::value("lightgray")),
        ))
        .add_params([&brush]);
    let bars = Chart::new(url("cars.json"))
        .mark_bar(m())
        .encode((Y::new("Origin:N"), Color::new("Origin:N"), X::new("count(Origin):Q")))
        .transform_filter(&brush);
    points & bars
}

// -- selection_highlight_bar
fn selection_highlight_bar() -> impl Into<AnyChart> {
    let select = Param::selection_point().named("select").on("click");
    let highlight = Param::selection_point().named("highlight").on("pointerover").empty(false);
    let stroke_width = when(&select.clone().empty(false))
        .then(StrokeWidth::value(2))
        .when(&highlight)
        .then(StrokeWidth::value(1))
        .otherwise(StrokeWidth::value(0));
    let source =
        inline(Table::new().column("a", vec!["A", "B", "C"]).column("b", vec![28i64, 55, 43]));
    Chart::new(source)
        .height(200)
        .mark_bar(m().fill("#4C78A8").stroke("black").cursor("pointer"))
        .encode((
            X::new("a:O"),
            Y::new("b:Q"),
            when(&select).then(FillOpacity::value(1)).otherwise(FillOpacity::value(0.3)),
            stroke_width,
        ))
        .config(json!({"scale": {"bandPaddingInner": 0.2}}))
        .add_params([&select, &highlight])
}

// -- dropdown_filter
fn dropdown_filter() -> impl Into<AnyChart> {
    let genres = ["Action", "Comedy", "Drama"];
    let options = std::iter::once(Value::Null).chain(genres.map(Value::from));
    let labels = std::iter::once("All").chain(genres);
    let dropdown = Binding::select(options).labels(labels).name("Genre ");
    let selection = Param::selection_point().fields(["Major Genre"]).bind(dropdown);
    Chart::new(url("movies.json"))
        .mark_point(m())
        .encode((
            X::new("Rotten Tomatoes Rating:Q"),
            Y::new("IMDB Rating:Q"),
            Tooltip::new("Title:N"),
        ))
        .add_params([&selection])
        .transform_filter(&selection)
}

// -- slider_cutoff
fn slider_cutoff() -> impl Into<AnyChart> {
    let slider = Binding::range(0, 100).step(1).name("Cutoff ");
    let cutoff = Param::new().bind(slider).value(50);
    let source = inline(
        Table::new()
            .column("xval", (0..5i64).collect::<Vec<_>>())
            .column("yval", vec![10i64, 60, 30, 80, 45]),
    );
    Chart::new(source)
        .mark_point(m())
        .encode((
            X::new("xval"),
            Y::new("yval"),
            when(format!("(datum.yval < {})", cutoff.name()))
                .then(Color::value("red"))
                .otherwise(Color::value("blue")),
        ))
        .add_params([&cutoff])
}

// -- layered_histogram
fn layered_histogram() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_bar(m().opacity(0.3).bin_spacing(0)).encode((
        X::new("Miles_per_Gallon:Q").bin(Bin::new().maxbins(20)),
        Y::new("count()").stack(Stack::None),
        Color::new("Origin:N"),
    ))
}

// -- seattle_weather_stacked_bar
fn seattle_weather_stacked_bar() -> impl Into<AnyChart> {
    let scale = Scale::new()
        .domain(vec!["sun", "fog", "drizzle", "rain", "snow"])
        .range(vec!["#e7ba52", "#a7a7a7", "#aec7e8", "#1f77b4", "#9467bd"]);
    Chart::new(url("seattle-weather.csv")).mark_bar(m()).encode((
        X::new("month(date):O").title("Month of the year"),
        Y::new("count()"),
        Color::new("weather:N").legend(Legend::new().title("Weather type")).scale(scale),
    ))
}

// -- faceted_grid_header
fn faceted_grid_header() -> impl Into<AnyChart> {
    Chart::new(url("cars.json"))
        .mark_bar(m())
        .encode((
            X::new("count()"),
            Y::new("Cylinders:O"),
            Row::new("Origin:N").header(Header::new().label_angle(0).label_align("left")),
        ))
        .title(Title::new().text("Cars by origin").subtitle("count by cylinders").anchor("start"))
}

// -- bar_chart_sorted_by_field
fn bar_chart_sorted_by_field() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("variety:N").sort(Sort::field("yield").op("sum").order(SortOrder::Descending)),
        Y::new("sum(yield):Q"),
    ))
}

// -- line_time_unit
fn line_time_unit() -> impl Into<AnyChart> {
    Chart::new(url("seattle-weather.csv"))
        .mark_line(m())
        .encode((X::new("date:T").time_unit(TimeUnit::YearMonth), Y::new("mean(temp_max):Q")))
}

// -- gallery_end

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
