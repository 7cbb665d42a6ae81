//! Points, statistics, interaction and composition.

use super::{inline, m, url};
use pixtip_spec::*;
use serde_json::{Value, json};

// -- scatter_tooltips
pub fn scatter_tooltips() -> impl Into<AnyChart> {
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
pub fn scatter_bubble() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_point(m()).encode((
        X::new("Horsepower:Q"),
        Y::new("Miles_per_Gallon:Q"),
        Size::new("Acceleration:Q"),
    ))
}

// -- scatter_trellis
pub fn scatter_trellis() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_point(m()).encode((
        X::new("Horsepower:Q"),
        Y::new("Miles_per_Gallon:Q"),
        Row::new("Origin:N"),
    ))
}

// -- scatter_matrix
pub fn scatter_matrix() -> impl Into<AnyChart> {
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
pub fn strip_plot() -> impl Into<AnyChart> {
    Chart::new(url("cars.json"))
        .mark_tick(m())
        .encode((X::new("Horsepower:Q"), Y::new("Cylinders:O")))
}

// -- boxplot
pub fn boxplot() -> impl Into<AnyChart> {
    Chart::new(url("population.json"))
        .mark_boxplot(m().extent(Extent::MinMax))
        .encode((X::new("age:O"), Y::new("people:Q")))
}

// -- errorbars_with_ci
pub fn errorbars_with_ci() -> impl Into<AnyChart> {
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
pub fn pie_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("category", vec![1i64, 2, 3, 4, 5, 6])
            .column("value", vec![4i64, 6, 10, 3, 7, 8]),
    );
    Chart::new(source).mark_arc(m()).encode((Theta::new("value"), Color::new("category")))
}

// -- donut_chart
pub fn donut_chart() -> impl Into<AnyChart> {
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
pub fn gantt_chart() -> impl Into<AnyChart> {
    let source = inline(
        Table::new()
            .column("task", vec!["A", "B", "C"])
            .column("start", vec![1i64, 3, 8])
            .column("end", vec![3i64, 8, 10]),
    );
    Chart::new(source).mark_bar(m()).encode((X::new("start"), X2::new("end"), Y::new("task")))
}

// -- cumulative_count
pub fn cumulative_count() -> impl Into<AnyChart> {
    Chart::new(url("movies.json"))
        .transform(
            Transform::window([("cumulative_count", "count()")])
                .sort(json!([{"field": "IMDB Rating"}])),
        )
        .mark_area(m())
        .encode((X::new("IMDB Rating:Q"), Y::new("cumulative_count:Q")))
}

// -- interactive_legend
pub fn interactive_legend() -> impl Into<AnyChart> {
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
pub fn interval_selection() -> impl Into<AnyChart> {
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
pub fn scatter_linked_brush() -> impl Into<AnyChart> {
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
pub fn selection_highlight_bar() -> impl Into<AnyChart> {
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
pub fn dropdown_filter() -> impl Into<AnyChart> {
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
pub fn slider_cutoff() -> impl Into<AnyChart> {
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
pub fn layered_histogram() -> impl Into<AnyChart> {
    Chart::new(url("cars.json")).mark_bar(m().opacity(0.3).bin_spacing(0)).encode((
        X::new("Miles_per_Gallon:Q").bin(Bin::new().maxbins(20)),
        Y::new("count()").stack(Stack::None),
        Color::new("Origin:N"),
    ))
}

// -- seattle_weather_stacked_bar
pub fn seattle_weather_stacked_bar() -> impl Into<AnyChart> {
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
pub fn faceted_grid_header() -> impl Into<AnyChart> {
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
pub fn bar_chart_sorted_by_field() -> impl Into<AnyChart> {
    Chart::new(url("barley.json")).mark_bar(m()).encode((
        X::new("variety:N").sort(Sort::field("yield").op("sum").order(SortOrder::Descending)),
        Y::new("sum(yield):Q"),
    ))
}

// -- line_time_unit
pub fn line_time_unit() -> impl Into<AnyChart> {
    Chart::new(url("seattle-weather.csv"))
        .mark_line(m())
        .encode((X::new("date:T").time_unit(TimeUnit::YearMonth), Y::new("mean(temp_max):Q")))
}

// -- gallery_end
