//! The five charts of a range of weeks, with their titles and plain-text descriptions.
//!
//! A chart with no data at all in the range (no moments, no skin-to-skin, no ratings, no
//! check-ins) is left out rather than drawn empty. Descriptions say what the chart shows and
//! its range in numbers, in the same describing, never judging voice as the journal's sentences.

use chrono::NaiveDate;
use nestling_journal::patterns::{Patterns, Week};

use crate::draw::{self, DrawResult, Series};
use crate::svg::wrap;
use crate::{Chart, ChartId, Error, Palette, Result, Theme};

/// What every chart of one range is drawn from.
struct Range<'a> {
    patterns: &'a Patterns,
    palette: Palette,
    labels: Vec<String>,
}

/// The charts of `patterns` in `theme`, leaving out those with no data.
pub fn for_patterns(patterns: &Patterns, theme: Theme) -> Result<Vec<Chart>> {
    let range = Range {
        patterns,
        palette: theme.palette(),
        labels: week_labels(&patterns.weeks),
    };
    let charts = [
        care(&range),
        skin(&range),
        closeness(&range),
        check_ins(&range),
        who(&range),
    ];
    charts.into_iter().filter_map(Result::transpose).collect()
}

/// Each week's first day as its axis shows it: "6 May" within a year, "May 2024" beyond, so
/// labels across several years say which year they are in.
fn week_labels(weeks: &[Week]) -> Vec<String> {
    let format = if weeks.len() > 53 { "%b %Y" } else { "%-d %b" };
    weeks
        .iter()
        .map(|w| w.first_day.format(format).to_string())
        .collect()
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

impl Range<'_> {
    fn weeks(&self) -> &[Week] {
        &self.patterns.weeks
    }

    /// "from 6 May 2024 to 2 June 2024", with the baby's name when the figures are narrowed.
    fn span(&self) -> String {
        let dates = format!(
            "from {} to {}",
            long_date(self.patterns.from),
            long_date(self.patterns.to)
        );
        match &self.patterns.baby_name {
            Some(name) => format!("with {name}, {dates}"),
            None => dates,
        }
    }

    fn chart(
        &self,
        id: ChartId,
        title: &str,
        alt: String,
        drawn: DrawResult<String>,
    ) -> Result<Option<Chart>> {
        let drawn = drawn.map_err(|_| Error::Draw { chart: id.as_str() })?;
        Ok(Some(Chart {
            id,
            title: title.to_string(),
            svg: wrap(&drawn, title, &alt),
            alt,
        }))
    }
}

fn care(range: &Range<'_>) -> Result<Option<Chart>> {
    let weeks = range.weeks();
    if weeks.iter().all(|w| w.moments == 0) {
        return Ok(None);
    }
    let values: Vec<f64> = weeks.iter().map(|w| w.moments_per_day).collect();
    let low = format!(
        "{:.1}",
        values.iter().copied().fold(f64::INFINITY, f64::min)
    );
    let high = format!("{:.1}", values.iter().copied().fold(0.0, f64::max));
    let spread = match low == high {
        true => format!("The weekly average was {low} a day."),
        false => format!("The weekly average went between {low} and {high} a day."),
    };
    let alt = format!(
        "Moments of care per day, averaged week by week {}. {spread}{}",
        range.span(),
        most_logged(weeks)
    );
    let drawn = draw::bars(&range.palette, &range.labels, &values, "moments per day");
    range.chart(ChartId::Care, "Moments of care per day", alt, drawn)
}

/// " The kind logged most often was Feeding." (empty when nothing was logged).
fn most_logged(weeks: &[Week]) -> String {
    let mut totals: Vec<(&str, u32)> = Vec::new();
    for k in weeks.iter().flat_map(|w| &w.kinds) {
        match totals.iter_mut().find(|(name, _)| *name == k.name) {
            Some(total) => total.1 += k.moments,
            None => totals.push((&k.name, k.moments)),
        }
    }
    let best = totals
        .iter()
        .fold(None, |best: Option<&(&str, u32)>, t| match best {
            Some(b) if b.1 >= t.1 => Some(b),
            _ => Some(t),
        });
    best.map_or(String::new(), |(name, _)| {
        format!(" The kind logged most often was {name}.")
    })
}

fn skin(range: &Range<'_>) -> Result<Option<Chart>> {
    let weeks = range.weeks();
    let minutes: i64 = weeks.iter().map(|w| w.skin_to_skin_minutes).sum();
    let days: u32 = weeks.iter().map(|w| w.skin_to_skin_days).sum();
    // Sessions logged without an end have no minutes to draw.
    if days == 0 || minutes == 0 {
        return Ok(None);
    }
    let values: Vec<f64> = weeks
        .iter()
        .map(|w| w.skin_to_skin_minutes as f64)
        .collect();
    let alt = format!(
        "Skin-to-skin minutes each week {}. In all, {minutes} minutes on {days} {}.",
        range.span(),
        if days == 1 { "day" } else { "days" }
    );
    let drawn = draw::bars(&range.palette, &range.labels, &values, "minutes");
    range.chart(ChartId::Skin, "Skin-to-skin minutes each week", alt, drawn)
}

fn closeness(range: &Range<'_>) -> Result<Option<Chart>> {
    let weeks = range.weeks();
    let rated = weeks
        .iter()
        .filter(|w| w.connection.is_some() || w.energy.is_some())
        .count();
    if rated == 0 {
        return Ok(None);
    }
    let connection = Series {
        name: "Connection",
        values: weeks
            .iter()
            .map(|w| w.connection.map(|a| a.average))
            .collect(),
    };
    let energy = Series {
        name: "Energy",
        values: weeks.iter().map(|w| w.energy.map(|a| a.average)).collect(),
    };
    let alt = format!(
        "Average connection and energy, each from 1 to 5, week by week {}. {rated} of {} weeks have ratings; weeks without any are left blank.",
        range.span(),
        weeks.len()
    );
    let drawn = draw::lines(
        &range.palette,
        &range.labels,
        &[connection, energy],
        "average, 1 to 5",
    );
    range.chart(ChartId::Closeness, "Connection and energy", alt, drawn)
}

fn check_ins(range: &Range<'_>) -> Result<Option<Chart>> {
    let weeks = range.weeks();
    let answered = weeks
        .iter()
        .filter(|w| w.mood.is_some() || w.sleep_minutes.is_some())
        .count();
    if answered == 0 {
        return Ok(None);
    }
    let mood = Series {
        name: "Mood",
        values: weeks.iter().map(|w| w.mood.map(|a| a.average)).collect(),
    };
    let sleep = Series {
        name: "Sleep",
        values: weeks
            .iter()
            .map(|w| w.sleep_minutes.map(|a| a.average / 60.0))
            .collect(),
    };
    let alt = format!(
        "Mood from 1 to 5 and hours of sleep, averaged from your check-ins week by week from {} to {}. {answered} of {} weeks have check-ins.",
        long_date(range.patterns.from),
        long_date(range.patterns.to),
        weeks.len()
    );
    let drawn = draw::mood_and_sleep(&range.palette, &range.labels, &mood, &sleep);
    range.chart(ChartId::CheckIns, "Mood and sleep", alt, drawn)
}

fn who(range: &Range<'_>) -> Result<Option<Chart>> {
    let weeks = range.weeks();
    let (me, partner, other) = weeks.iter().fold((0, 0, 0), |(a, b, c), w| {
        (a + w.who.me, b + w.who.partner, c + w.who.other)
    });
    if me + partner + other == 0 {
        return Ok(None);
    }
    let shares: Vec<Vec<f64>> = weeks
        .iter()
        .map(|w| {
            let total = f64::from(w.who.me + w.who.partner + w.who.other).max(1.0);
            [w.who.me, w.who.partner, w.who.other]
                .iter()
                .map(|n| f64::from(*n) * 100.0 / total)
                .collect()
        })
        .collect();
    let alt = format!(
        "Who gave the care, as a share of each week's moments {}. In all: {me} by you, {partner} by your partner, {other} by others.",
        range.span()
    );
    let drawn = draw::stacked(
        &range.palette,
        &range.labels,
        &shares,
        &["You", "Partner", "Others"],
    );
    range.chart(ChartId::Who, "Who gave the care", alt, drawn)
}
