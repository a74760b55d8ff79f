//! Drawing with the plotters SVG backend: bars, lines with gaps, and stacked shares.
//!
//! Every chart has the same frame: a fixed `480 × 260` canvas (a viewBox, so it scales) with
//! labels of about 14.5 units (the library draws 18 "points" at 0.8), so about 12.7 px tall
//! when the chart is shown 420 px wide. X is the weeks, one segment each, labelled by their first day. What is drawn here is only shapes and
//! labels; the title, the description and the outer `<svg>` element are written by
//! [`crate::svg`].

use plotters::chart::DualCoordChartContext;
use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::palette::{rgb, Palette};

/// The canvas width, in SVG units.
pub(crate) const WIDTH: u32 = 480;
/// The canvas height, in SVG units.
pub(crate) const HEIGHT: u32 = 260;
const FONT: u32 = 18;
const FAMILY: &str = "sans-serif";

/// Any failure of the drawing library.
pub(crate) type DrawResult<T = ()> = Result<T, Box<dyn std::error::Error>>;
type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Segments = plotters::coord::ranged1d::SegmentedCoord<RangedCoordi32>;

/// One named series of values per week (none where the week has no data).
pub(crate) struct Series<'a> {
    /// Its name in the legend.
    pub(crate) name: &'a str,
    /// One value per week.
    pub(crate) values: Vec<Option<f64>>,
}

/// Draws into a new SVG string with `draw`, on the theme's background.
pub(crate) fn canvas(
    palette: &Palette,
    draw: impl FnOnce(&Area<'_>) -> DrawResult,
) -> DrawResult<String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        area.fill(&rgb(palette.background))?;
        draw(&area)?;
        area.present()?;
    }
    Ok(svg)
}

/// One segment per week: an integer range's segments include its upper end, so `count` weeks
/// are `0..count - 1`.
fn weeks(count: usize) -> Segments {
    let last = i32::try_from(count.saturating_sub(1)).unwrap_or(i32::MAX);
    (0..last).into_segmented()
}

fn frame<'a>(
    area: &Area<'a>,
    count: usize,
    y: std::ops::Range<f64>,
    right_axis: bool,
) -> DrawResult<ChartContext<'a, SVGBackend<'a>, Cartesian2d<Segments, RangedCoordf64>>> {
    let chart = ChartBuilder::on(area)
        .margin(10)
        .x_label_area_size(28)
        .y_label_area_size(58)
        .right_y_label_area_size(if right_axis { 58 } else { 0 })
        .build_cartesian_2d(weeks(count), y)?;
    Ok(chart)
}

/// The axes and grid, labelled with the weeks' first days and `y_desc`.
fn mesh(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<Segments, RangedCoordf64>>,
    palette: &Palette,
    labels: &[String],
    y_desc: &str,
) -> DrawResult {
    let label = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => usize::try_from(*i)
            .ok()
            .and_then(|i| labels.get(i).cloned())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let text = (FAMILY, FONT).into_font().color(&rgb(palette.text));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(palette.grid))
        .axis_style(rgb(palette.soft))
        .label_style(text.clone())
        .axis_desc_style(text)
        .x_labels(labels.len().clamp(1, 5))
        .y_labels(6)
        .x_label_formatter(&label)
        .y_label_formatter(&tick)
        .y_desc(y_desc)
        .draw()?;
    Ok(())
}

/// A value-axis label: whole numbers without decimals, others with one.
fn tick(value: &f64) -> String {
    match (value - value.round()).abs() < 1e-9 {
        true => format!("{value:.0}"),
        false => format!("{value:.1}"),
    }
}

fn bar(
    i: usize,
    from: f64,
    to: f64,
    colour: RGBColor,
    count: usize,
) -> Rectangle<(SegmentValue<i32>, f64)> {
    let x = i32::try_from(i).unwrap_or(i32::MAX);
    // The last week ends at the chart's right edge (with one week, the only sensible place).
    let right = match i + 1 >= count {
        true => SegmentValue::Last,
        false => SegmentValue::Exact(x + 1),
    };
    let mut bar = Rectangle::new(
        [(SegmentValue::Exact(x), from), (right, to)],
        colour.filled(),
    );
    let gap = if count > 40 { 0 } else { 2 };
    bar.set_margin(0, 0, gap, gap);
    bar
}

/// The upper end of a value axis holding `values`: a little above the largest, at least `floor`.
fn top(values: impl Iterator<Item = f64>, floor: f64) -> f64 {
    values.fold(floor, f64::max) * 1.1
}

/// One bar per week.
pub(crate) fn bars(
    palette: &Palette,
    labels: &[String],
    values: &[f64],
    y_desc: &str,
) -> DrawResult<String> {
    canvas(palette, |area| {
        let mut chart = frame(
            area,
            values.len(),
            0.0..top(values.iter().copied(), 1.0),
            false,
        )?;
        mesh(&mut chart, palette, labels, y_desc)?;
        let colour = rgb(palette.series[0]);
        chart.draw_series(
            values
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0.0)
                .map(|(i, v)| bar(i, 0.0, *v, colour, values.len())),
        )?;
        Ok(())
    })
}

/// Runs of consecutive weeks that have a value, as points at the weeks' centres.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(SegmentValue<i32>, f64)>> {
    let mut runs: Vec<Vec<_>> = vec![Vec::new()];
    for (i, value) in values.iter().enumerate() {
        match (value, runs.last_mut()) {
            (Some(v), Some(run)) => {
                run.push((SegmentValue::CenterOf(i32::try_from(i).unwrap_or(0)), *v))
            }
            (None, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
            _ => {}
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Lines on the 1–5 scale, broken where a week has no value, with a point at every value.
pub(crate) fn lines(
    palette: &Palette,
    labels: &[String],
    series: &[Series<'_>],
    y_desc: &str,
) -> DrawResult<String> {
    canvas(palette, |area| {
        let colour = |n: usize| rgb(palette.series[n % 3]);
        let entries: Vec<_> = (series.iter().enumerate())
            .map(|(n, s)| (s.name, colour(n), Mark::Dot))
            .collect();
        let area = key(area, palette, &entries)?;
        let mut chart = frame(&area, labels.len(), 0.8..5.2, false)?;
        mesh(&mut chart, palette, labels, y_desc)?;
        for (n, s) in series.iter().enumerate() {
            draw_line(&mut chart, &s.values, colour(n))?;
        }
        Ok(())
    })
}

fn draw_line(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<Segments, RangedCoordf64>>,
    values: &[Option<f64>],
    colour: RGBColor,
) -> DrawResult {
    for run in runs(values) {
        chart.draw_series(LineSeries::new(run, colour.stroke_width(2)))?;
    }
    let points = runs(values).into_iter().flatten();
    chart.draw_series(points.map(|p| Circle::new(p, 3, colour.filled())))?;
    Ok(())
}

/// How a series is marked in the key: a dot for a line's points, a block for bars.
#[derive(Clone, Copy)]
enum Mark {
    Dot,
    Block,
}

/// The height of the key's strip above the plot.
const KEY_HEIGHT: u32 = 28;

/// Draws the key (a mark and the name of each series, in one row) in a strip along the top of
/// `area`, where it never covers the data, and returns the area left for the chart.
fn key<'a>(
    area: &Area<'a>,
    palette: &Palette,
    entries: &[(&str, RGBColor, Mark)],
) -> DrawResult<Area<'a>> {
    let (strip, rest) = area.split_vertically(KEY_HEIGHT);
    let font = (FAMILY, FONT)
        .into_font()
        .color(&rgb(palette.text))
        .pos(Pos::new(HPos::Left, VPos::Center));
    let y = i32::try_from(KEY_HEIGHT / 2).unwrap_or(0) + 2;
    // In line with the plot's left edge: the margin and the value labels' width.
    let mut x = 68;
    for (name, colour, mark) in entries {
        match mark {
            Mark::Dot => strip.draw(&Circle::new((x + 6, y), 5, colour.filled()))?,
            Mark::Block => strip.draw(&Rectangle::new(
                [(x, y - 6), (x + 12, y + 6)],
                colour.filled(),
            ))?,
        }
        strip.draw(&Text::new(name.to_string(), (x + 18, y), font.clone()))?;
        let (width, _) = strip.estimate_text_size(name, &font)?;
        x += 18 + i32::try_from(width).unwrap_or(0) + 22;
    }
    Ok(rest)
}

/// Mood as a line on the 1–5 scale and sleep as bars of hours on a second axis at the right.
pub(crate) fn mood_and_sleep(
    palette: &Palette,
    labels: &[String],
    mood: &Series<'_>,
    sleep_hours: &Series<'_>,
) -> DrawResult<String> {
    canvas(palette, |area| {
        let colour = rgb(palette.series[2]);
        let mood_colour = rgb(palette.series[0]);
        let area = key(
            area,
            palette,
            &[
                (mood.name, mood_colour, Mark::Dot),
                (sleep_hours.name, colour, Mark::Block),
            ],
        )?;
        let hours = top(sleep_hours.values.iter().flatten().copied(), 8.0);
        let mut chart = frame(&area, labels.len(), 0.8..5.2, true)?
            .set_secondary_coord(weeks(labels.len()), 0.0..hours);
        mesh_mood(&mut chart, palette, labels)?;
        let count = labels.len();
        chart.draw_secondary_series(
            sleep_hours
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| bar(i, 0.0, v, colour, count))),
        )?;
        for run in runs(&mood.values) {
            chart.draw_series(LineSeries::new(run, mood_colour.stroke_width(2)))?;
        }
        chart.draw_series(
            runs(&mood.values)
                .into_iter()
                .flatten()
                .map(|p| Circle::new(p, 3, mood_colour.filled())),
        )?;
        Ok(())
    })
}

fn mesh_mood(
    chart: &mut DualCoordChartContext<
        '_,
        SVGBackend<'_>,
        Cartesian2d<Segments, RangedCoordf64>,
        Cartesian2d<Segments, RangedCoordf64>,
    >,
    palette: &Palette,
    labels: &[String],
) -> DrawResult {
    mesh(chart, palette, labels, "mood, 1 to 5")?;
    chart
        .configure_secondary_axes()
        .axis_style(rgb(palette.soft))
        .label_style((FAMILY, FONT).into_font().color(&rgb(palette.text)))
        .axis_desc_style((FAMILY, FONT).into_font().color(&rgb(palette.text)))
        .y_label_formatter(&tick)
        .y_desc("hours of sleep")
        .draw()?;
    Ok(())
}

/// Each week's shares stacked from 0 to 100 %, one colour per series; weeks with no moments
/// are left empty.
pub(crate) fn stacked(
    palette: &Palette,
    labels: &[String],
    shares: &[Vec<f64>],
    names: &[&str],
) -> DrawResult<String> {
    canvas(palette, |area| {
        let colour = |n: usize| rgb(palette.series[n % 3]);
        let entries: Vec<_> = (names.iter().enumerate())
            .map(|(n, name)| (*name, colour(n), Mark::Block))
            .collect();
        let area = key(area, palette, &entries)?;
        let mut chart = frame(&area, labels.len(), 0.0..100.0, false)?;
        mesh(&mut chart, palette, labels, "share of moments, %")?;
        for n in 0..names.len() {
            let count = labels.len();
            chart.draw_series(shares.iter().enumerate().filter(|(_, s)| s[n] > 0.0).map(
                |(i, s)| {
                    let below: f64 = s[..n].iter().sum();
                    bar(i, below, below + s[n], colour(n), count)
                },
            ))?;
        }
        Ok(())
    })
}
