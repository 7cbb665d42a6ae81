"""Altair gallery examples (see gallery_spec.py): bars, histograms, heatmaps,
lines and areas."""
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


# -- gallery_end
