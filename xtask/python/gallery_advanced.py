"""Altair gallery examples (see gallery_spec.py): points, statistics,
interaction and composition."""
import altair as alt
import pandas as pd
from altair.datasets import data


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
