"""Charts from Altair's example gallery, for pixtip-spec's gallery tests.

Each function is one gallery example as Altair's docs write it (data by URL from
`altair.datasets`, small tables inline); crates/pixtip-spec/tests/gallery/charts.rs
builds the same charts in Rust. fixtures_spec.py writes each chart's to_json() to
fixtures/spec/gallery/<name>.vl.json. Lines between `# --` markers are what the
README's line counts compare.
"""
import altair as alt
import pandas as pd
from altair.datasets import data


# -- simple_bar_chart
def simple_bar_chart():
    source = pd.DataFrame(
        {
            "a": ["A", "B", "C", "D", "E", "F", "G", "H", "I"],
            "b": [28, 55, 43, 91, 81, 53, 19, 87, 52],
        }
    )
    return alt.Chart(source).mark_bar().encode(x="a", y="b")


# -- bar_chart_sorted
def bar_chart_sorted():
    return (
        alt.Chart(data.barley.url)
        .mark_bar()
        .encode(x="sum(yield):Q", y=alt.Y("site:N").sort("-x"))
    )


# -- bar_chart_horizontal_stacked
def bar_chart_horizontal_stacked():
    return (
        alt.Chart(data.barley.url)
        .mark_bar()
        .encode(x=alt.X("sum(yield):Q").stack("zero"), y=alt.Y("variety:N"), color=alt.Color("site:N"))
    )


# -- bar_chart_normalized_stacked
def bar_chart_normalized_stacked():
    return (
        alt.Chart(data.population.url)
        .mark_bar()
        .encode(
            x=alt.X("age:O").title("Age"),
            y=alt.Y("sum(people):Q").stack("normalize").title("Population"),
            color=alt.Color("gender:N").scale(range=["#675193", "#ca8861"]),
        )
        .transform_filter(alt.datum.year == 2000)
        .transform_calculate(gender=alt.expr.if_(alt.datum.sex == 2, "Female", "Male"))
    )


# -- bar_chart_grouped
def bar_chart_grouped():
    return (
        alt.Chart(data.barley.url)
        .mark_bar()
        .encode(x="year:O", y="sum(yield):Q", color="year:N", xOffset="year:N", column="site:N")
    )


# -- bar_chart_with_labels
def bar_chart_with_labels():
    source = pd.DataFrame({"a": ["A", "B", "C"], "b": [28, 55, 43]})
    bars = alt.Chart(source).mark_bar().encode(y="a", x="b")
    text = bars.mark_text(align="left", baseline="middle", dx=3).encode(text="b")
    return bars + text


# -- bar_chart_with_mean_line
def bar_chart_with_mean_line():
    source = data.seattle_weather.url
    bar = alt.Chart(source).mark_bar().encode(x="month(date):O", y="mean(precipitation):Q")
    rule = alt.Chart(source).mark_rule(color="red").encode(y="mean(precipitation):Q")
    return (bar + rule).properties(width=600)


# -- bar_chart_diverging_colors
def bar_chart_diverging_colors():
    source = pd.DataFrame({"x": ["a", "b", "c", "d"], "y": [4, -2, 3, -1]})
    return (
        alt.Chart(source)
        .mark_bar()
        .encode(
            x="x:N",
            y="y:Q",
            color=alt.condition(alt.datum.y > 0, alt.value("steelblue"), alt.value("orange")),
        )
    )


# -- simple_histogram
def simple_histogram():
    return alt.Chart(data.movies.url).mark_bar().encode(alt.X("IMDB Rating:Q", bin=True), y="count()")


# -- histogram_with_global_mean
def histogram_with_global_mean():
    source = data.movies.url
    base = alt.Chart(source)
    bar = base.mark_bar().encode(x=alt.X("IMDB Rating:Q").bin().axis(None), y="count()")
    rule = base.mark_rule(color="red").encode(x="mean(IMDB Rating):Q", size=alt.value(5))
    return bar + rule


# -- binned_heatmap
def binned_heatmap():
    return (
        alt.Chart(data.movies.url)
        .mark_rect()
        .encode(
            alt.X("IMDB Rating:Q").bin(maxbins=60),
            alt.Y("Rotten Tomatoes Rating:Q").bin(maxbins=40),
            alt.Color("count():Q").scale(scheme="greenblue"),
        )
    )


# -- simple_heatmap_weather
def simple_heatmap_weather():
    return (
        alt.Chart(data.seattle_weather.url, title="Daily Max Temperatures (C) in Seattle, WA")
        .mark_rect()
        .encode(
            alt.X("date(date):O").title("Day").axis(format="%e", labelAngle=0),
            alt.Y("month(date):O").title("Month"),
            alt.Color("max(temp_max):Q").title(None),
            tooltip=[
                alt.Tooltip("monthdate(date):T", title="Date"),
                alt.Tooltip("max(temp_max):Q", title="Max Temp"),
            ],
        )
        .configure_view(step=13, strokeWidth=0)
        .configure_axis(domain=False)
    )


# -- line_multi_series
def line_multi_series():
    return alt.Chart(data.stocks.url).mark_line().encode(x="date:T", y="price:Q", color="symbol:N")


# -- line_with_points
def line_with_points():
    return (
        alt.Chart(data.stocks.url)
        .mark_line(point=True)
        .encode(x="year(date):T", y="mean(price):Q", color="symbol:N")
    )


# -- line_step
def line_step():
    return (
        alt.Chart(data.stocks.url)
        .mark_line(interpolate="step-after")
        .encode(x="date:T", y="price:Q")
        .transform_filter(alt.datum.symbol == "GOOG")
    )


# -- line_log_scale
def line_log_scale():
    return (
        alt.Chart(data.population.url)
        .mark_line()
        .encode(x="year:O", y=alt.Y("sum(people):Q").scale(type="log"))
    )


# -- line_dual_axis
def line_dual_axis():
    base = alt.Chart(data.seattle_weather.url).encode(alt.X("month(date):T").axis(title=None))
    area = base.mark_area(opacity=0.3, color="#57A44C").encode(
        alt.Y("average(temp_max):Q").axis(title="Avg. Temperature (°C)", titleColor="#57A44C"),
        alt.Y2("average(temp_min):Q"),
    )
    line = base.mark_line(stroke="#5276A7", interpolate="monotone").encode(
        alt.Y("average(precipitation):Q").axis(title="Precipitation (inches)", titleColor="#5276A7")
    )
    return alt.layer(area, line).resolve_scale(y="independent")


# -- area_stacked
def area_stacked():
    return (
        alt.Chart(data.iowa_electricity.url)
        .mark_area()
        .encode(x="year:T", y="net_generation:Q", color="source:N")
    )


# -- area_normalized
def area_normalized():
    return (
        alt.Chart(data.iowa_electricity.url)
        .mark_area()
        .encode(
            x="year:T",
            y=alt.Y("net_generation:Q").stack("normalize"),
            color="source:N",
        )
    )


# -- streamgraph
def streamgraph():
    return (
        alt.Chart(data.unemployment_across_industries.url)
        .mark_area()
        .encode(
            alt.X("yearmonth(date):T").axis(format="%Y", domain=False, tickSize=0),
            alt.Y("sum(count):Q").stack("center").axis(None),
            alt.Color("series:N").scale(scheme="category20b"),
        )
        .interactive()
    )


# -- area_trellis
def area_trellis():
    return (
        alt.Chart(data.iowa_electricity.url)
        .mark_area()
        .encode(
            x="year:T",
            y="net_generation:Q",
            color=alt.Color("source:N").legend(None),
            row=alt.Row("source:N").sort(["Fossil Fuels", "Nuclear Energy", "Renewables"]),
        )
        .properties(height=100)
    )


# -- scatter_tooltips
def scatter_tooltips():
    return (
        alt.Chart(data.cars.url)
        .mark_circle(size=60)
        .encode(
            x="Horsepower:Q",
            y="Miles_per_Gallon:Q",
            color="Origin:N",
            tooltip=["Name:N", "Origin:N", "Horsepower:Q", "Miles_per_Gallon:Q"],
        )
        .interactive()
    )


# -- scatter_bubble
def scatter_bubble():
    return (
        alt.Chart(data.cars.url)
        .mark_point()
        .encode(x="Horsepower:Q", y="Miles_per_Gallon:Q", size="Acceleration:Q")
    )


# -- scatter_trellis
def scatter_trellis():
    return (
        alt.Chart(data.cars.url)
        .mark_point()
        .encode(x="Horsepower:Q", y="Miles_per_Gallon:Q", row="Origin:N")
    )


# -- scatter_matrix
def scatter_matrix():
    return (
        alt.Chart(data.cars.url)
        .mark_circle()
        .encode(
            alt.X(alt.repeat("column"), type="quantitative"),
            alt.Y(alt.repeat("row"), type="quantitative"),
            color="Origin:N",
        )
        .properties(width=150, height=150)
        .repeat(
            row=["Horsepower", "Acceleration", "Miles_per_Gallon"],
            column=["Miles_per_Gallon", "Acceleration", "Horsepower"],
        )
        .interactive()
    )


# -- strip_plot
def strip_plot():
    return alt.Chart(data.cars.url).mark_tick().encode(x="Horsepower:Q", y="Cylinders:O")


# -- boxplot
def boxplot():
    return (
        alt.Chart(data.population.url)
        .mark_boxplot(extent="min-max")
        .encode(x="age:O", y="people:Q")
    )


# -- errorbars_with_ci
def errorbars_with_ci():
    source = data.barley.url
    error_bars = alt.Chart(source).mark_errorbar(extent="ci").encode(
        x=alt.X("yield:Q").scale(zero=False), y=alt.Y("variety:N")
    )
    points = alt.Chart(source).mark_point(filled=True, color="black").encode(
        x=alt.X("mean(yield):Q"), y=alt.Y("variety:N")
    )
    return error_bars + points


# -- pie_chart
def pie_chart():
    source = pd.DataFrame({"category": [1, 2, 3, 4, 5, 6], "value": [4, 6, 10, 3, 7, 8]})
    return alt.Chart(source).mark_arc().encode(theta="value", color="category")


# -- donut_chart
def donut_chart():
    source = pd.DataFrame({"category": [1, 2, 3, 4, 5, 6], "value": [4, 6, 10, 3, 7, 8]})
    return alt.Chart(source).mark_arc(innerRadius=50).encode(theta="value", color="category:N")


# -- gantt_chart
def gantt_chart():
    source = pd.DataFrame([{"task": "A", "start": 1, "end": 3}, {"task": "B", "start": 3, "end": 8}, {"task": "C", "start": 8, "end": 10}])
    return alt.Chart(source).mark_bar().encode(x="start", x2="end", y="task")


# -- cumulative_count
def cumulative_count():
    return (
        alt.Chart(data.movies.url)
        .transform_window(cumulative_count="count()", sort=[{"field": "IMDB Rating"}])
        .mark_area()
        .encode(x="IMDB Rating:Q", y="cumulative_count:Q")
    )


# -- interactive_legend
def interactive_legend():
    selection = alt.selection_point(fields=["series"], bind="legend")
    return (
        alt.Chart(data.unemployment_across_industries.url)
        .mark_area()
        .encode(
            alt.X("yearmonth(date):T").axis(domain=False, format="%Y", tickSize=0),
            alt.Y("sum(count):Q").stack("center").axis(None),
            alt.Color("series:N").scale(scheme="category20b"),
            opacity=alt.when(selection).then(alt.value(1)).otherwise(alt.value(0.2)),
        )
        .add_params(selection)
    )


# -- interval_selection
def interval_selection():
    brush = alt.selection_interval(encodings=["x"])
    base = (
        alt.Chart(data.sp500.url)
        .mark_area()
        .encode(x="date:T", y="price:Q")
        .properties(width=600, height=200)
    )
    upper = base.encode(alt.X("date:T").scale(domain=brush))
    lower = base.properties(height=60).add_params(brush)
    return upper & lower


# -- scatter_linked_brush
def scatter_linked_brush():
    brush = alt.selection_interval()
    points = (
        alt.Chart(data.cars.url)
        .mark_point()
        .encode(
            x="Horsepower:Q",
            y="Miles_per_Gallon:Q",
            color=alt.condition(brush, "Origin:N", alt.value("lightgray")),
        )
        .add_params(brush)
    )
    bars = (
        alt.Chart(data.cars.url)
        .mark_bar()
        .encode(y="Origin:N", color="Origin:N", x="count(Origin):Q")
        .transform_filter(brush)
    )
    return points & bars


# -- selection_highlight_bar
def selection_highlight_bar():
    select = alt.selection_point(name="select", on="click")
    highlight = alt.selection_point(name="highlight", on="pointerover", empty=False)
    stroke_width = (
        alt.when(select).then(alt.value(2, empty=False))
        .when(highlight).then(alt.value(1))
        .otherwise(alt.value(0))
    )
    source = pd.DataFrame({"a": ["A", "B", "C"], "b": [28, 55, 43]})
    return (
        alt.Chart(source, height=200)
        .mark_bar(fill="#4C78A8", stroke="black", cursor="pointer")
        .encode(
            x="a:O",
            y="b:Q",
            fillOpacity=alt.when(select).then(alt.value(1)).otherwise(alt.value(0.3)),
            strokeWidth=stroke_width,
        )
        .configure_scale(bandPaddingInner=0.2)
        .add_params(select, highlight)
    )


# -- dropdown_filter
def dropdown_filter():
    genres = ["Action", "Comedy", "Drama"]
    dropdown = alt.binding_select(options=[None] + genres, labels=["All"] + genres, name="Genre ")
    selection = alt.selection_point(fields=["Major Genre"], bind=dropdown)
    return (
        alt.Chart(data.movies.url)
        .mark_point()
        .encode(x="Rotten Tomatoes Rating:Q", y="IMDB Rating:Q", tooltip="Title:N")
        .add_params(selection)
        .transform_filter(selection)
    )


# -- slider_cutoff
def slider_cutoff():
    slider = alt.binding_range(min=0, max=100, step=1, name="Cutoff ")
    cutoff = alt.param(bind=slider, value=50)
    source = pd.DataFrame({"xval": range(5), "yval": [10, 60, 30, 80, 45]})
    return (
        alt.Chart(source)
        .mark_point()
        .encode(
            x="xval",
            y="yval",
            color=alt.when(alt.datum.yval < cutoff).then(alt.value("red")).otherwise(alt.value("blue")),
        )
        .add_params(cutoff)
    )


# -- layered_histogram
def layered_histogram():
    return (
        alt.Chart(data.cars.url)
        .mark_bar(opacity=0.3, binSpacing=0)
        .encode(
            alt.X("Miles_per_Gallon:Q").bin(maxbins=20),
            alt.Y("count()").stack(None),
            alt.Color("Origin:N"),
        )
    )


# -- seattle_weather_stacked_bar
def seattle_weather_stacked_bar():
    scale = alt.Scale(
        domain=["sun", "fog", "drizzle", "rain", "snow"],
        range=["#e7ba52", "#a7a7a7", "#aec7e8", "#1f77b4", "#9467bd"],
    )
    return (
        alt.Chart(data.seattle_weather.url)
        .mark_bar()
        .encode(
            alt.X("month(date):O").title("Month of the year"),
            y="count()",
            color=alt.Color("weather:N").legend(title="Weather type").scale(scale),
        )
    )


# -- faceted_grid_header
def faceted_grid_header():
    return (
        alt.Chart(data.cars.url)
        .mark_bar()
        .encode(
            x="count()",
            y="Cylinders:O",
            row=alt.Row("Origin:N").header(labelAngle=0, labelAlign="left"),
        )
        .properties(title=alt.Title("Cars by origin", subtitle="count by cylinders", anchor="start"))
    )


# -- bar_chart_sorted_by_field
def bar_chart_sorted_by_field():
    return (
        alt.Chart(data.barley.url)
        .mark_bar()
        .encode(
            x=alt.X("variety:N").sort(field="yield", op="sum", order="descending"),
            y="sum(yield):Q",
        )
    )


# -- line_time_unit
def line_time_unit():
    return (
        alt.Chart(data.seattle_weather.url)
        .mark_line()
        .encode(x=alt.X("date:T", timeUnit="yearmonth"), y="mean(temp_max):Q")
    )


# -- gallery_end


def cases():
    return {name: fn() for name, fn in globals().items() if callable(fn) and not name.startswith("_") and name not in ("cases",) and fn.__module__ == __name__}
