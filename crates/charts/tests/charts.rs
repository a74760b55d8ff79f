//! The charts of a range of weeks: their SVG (snapshots), what they leave out, and their safety
//! with names the parent typed.

use chrono::{Days, NaiveDate};
use nestling_charts::{for_patterns, Chart, ChartId, Theme};
use nestling_journal::patterns::{
    weekly, CheckInFact, Facts, Giver, KindName, MomentFact, Options, Patterns, Period, Span,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn kinds(feeding_name: &str) -> Vec<KindName> {
    [
        ("skin_to_skin", "Skin-to-skin", "🫂"),
        ("feeding", feeding_name, "🍼"),
    ]
    .into_iter()
    .map(|(id, name, emoji)| KindName {
        id: id.into(),
        name: name.into(),
        emoji: emoji.into(),
    })
    .collect()
}

fn moment(offset: u64, kind: &str, minutes: i64, rating: Option<u8>, giver: Giver) -> MomentFact {
    MomentFact {
        local_date: day("2024-05-06") + Days::new(offset),
        kind_id: kind.into(),
        minutes,
        connection: rating,
        energy: rating.map(|r| 6 - r),
        giver,
        baby_id: Some(1),
        private: false,
    }
}

/// Four weeks from 6 May 2024: care every few days, a gap in ratings in week 3, check-ins in
/// weeks 1, 2 and 4.
fn month(baby: &str, feeding_name: &str) -> Patterns {
    let mut facts = Facts {
        kinds: kinds(feeding_name),
        baby_name: Some(baby.into()),
        ..Facts::default()
    };
    for d in (0..28).step_by(2) {
        let rating = (!(14..21).contains(&d)).then_some(2 + (d / 9) as u8);
        let giver = [Giver::Me, Giver::Partner, Giver::Me, Giver::Other][(d / 2) as usize % 4];
        facts.moments.push(moment(d, "feeding", 20, rating, giver));
        facts
            .moments
            .push(moment(d, "skin_to_skin", 15 + d as i64, None, Giver::Me));
    }
    facts
        .moments
        .push(moment(1, "feeding", 0, Some(3), Giver::Me));
    for d in [0, 3, 8, 22, 25] {
        facts.check_ins.push(CheckInFact {
            local_date: day("2024-05-06") + Days::new(d),
            mood: Some(2 + (d / 10) as u8),
            sleep_minutes: Some(300 + d as i64 * 10),
            private: false,
        });
    }
    let period = Period {
        from: day("2024-05-06"),
        to: day("2024-06-02"),
        span: Span::Weeks { weeks: 4 },
    };
    weekly(
        &facts,
        &period,
        &Options {
            include_private: true,
            ..Options::default()
        },
    )
}

fn charts(patterns: &Patterns, theme: Theme) -> Vec<Chart> {
    for_patterns(patterns, theme).expect("drawn")
}

#[test]
fn the_five_charts_of_a_month_are_drawn_as_reviewed() {
    for chart in charts(&month("Ada", "Feeding"), Theme::Light) {
        insta::assert_snapshot!(format!("light_{}", chart.id.as_str()), chart.svg);
    }
}

#[test]
fn the_night_theme_draws_with_its_own_dim_colours() {
    let care = charts(&month("Ada", "Feeding"), Theme::Night).remove(0);
    assert!(
        care.svg.contains("#171210") && care.svg.contains("#B7774F"),
        "night surface and accent"
    );
    assert!(!care.svg.contains("#FFFFFF"), "no white in the night theme");
    insta::assert_snapshot!("night_care", care.svg);
}

#[test]
fn every_chart_has_a_title_a_description_a_view_box_and_nothing_external() {
    for theme in [Theme::Light, Theme::Dark, Theme::Night] {
        let drawn = charts(&month("Ada", "Feeding"), theme);
        let ids: Vec<_> = drawn.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            [
                ChartId::Care,
                ChartId::Skin,
                ChartId::Closeness,
                ChartId::CheckIns,
                ChartId::Who
            ]
        );
        for chart in drawn {
            let svg = &chart.svg;
            assert!(svg
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 260\""));
            assert!(svg.contains(&format!(
                "<title id=\"chart-title\">{}</title>",
                chart.title
            )));
            assert!(svg.contains("<desc id=\"chart-desc\">"));
            for banned in [
                "<script",
                "href",
                "url(",
                "@import",
                "<image",
                "<foreignObject",
            ] {
                assert!(!svg.contains(banned), "{banned} in {}", chart.id.as_str());
            }
            assert!(
                !has_event_attribute(svg),
                "an event attribute in {}",
                chart.id.as_str()
            );
            assert!(
                !svg.contains("http") || svg.matches("http").count() == 1,
                "only the namespace"
            );
        }
    }
}

/// Whether `svg` has an attribute such as `onload=`.
fn has_event_attribute(svg: &str) -> bool {
    svg.match_indices(" on").any(|(at, _)| {
        let rest = &svg[at + 1..];
        let name_end = rest
            .find(|c: char| !c.is_ascii_lowercase())
            .unwrap_or(rest.len());
        rest[name_end..].starts_with('=')
    })
}

#[test]
fn hostile_names_are_escaped_wherever_they_appear() {
    let baby = "<script>alert(1)</script> & \"Ada\" 'A' \u{202e}שלום 🍼";
    let kind = "<b>Feed & \"fun\"</b>";
    for chart in charts(&month(baby, kind), Theme::Light) {
        assert!(
            !chart.svg.contains("<script") && !chart.svg.contains("<b>"),
            "{}",
            chart.id.as_str()
        );
        assert!(
            !chart.svg.contains("& "),
            "a bare ampersand in {}",
            chart.id.as_str()
        );
    }
    let care = charts(&month(baby, kind), Theme::Light).remove(0);
    assert!(care.svg.contains(
        "with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ada&quot; &apos;A&apos; \u{202e}שלום 🍼,"
    ));
    assert!(care
        .svg
        .contains("&lt;b&gt;Feed &amp; &quot;fun&quot;&lt;/b&gt;"));
    assert!(
        care.alt.contains(baby),
        "the alt text is plain text, escaped by whoever shows it"
    );
}

#[test]
fn charts_with_no_data_are_left_out() {
    assert!(charts(
        &weekly(&Facts::default(), &period(), &Options::default()),
        Theme::Light
    )
    .is_empty());
    let facts = Facts {
        moments: vec![
            moment(1, "feeding", 0, None, Giver::Me),
            // Skin to skin logged without an end: a day, but no minutes to draw.
            moment(2, "skin_to_skin", 0, None, Giver::Me),
        ],
        kinds: kinds("Feeding"),
        ..Facts::default()
    };
    let drawn = charts(
        &weekly(&facts, &period(), &Options::default()),
        Theme::Light,
    );
    let ids: Vec<_> = drawn.iter().map(|c| c.id).collect();
    assert_eq!(ids, [ChartId::Care, ChartId::Who]);
}

fn period() -> Period {
    Period {
        from: day("2024-05-06"),
        to: day("2024-06-02"),
        span: Span::Weeks { weeks: 4 },
    }
}

#[test]
fn ten_years_of_weeks_draw_with_bars_that_touch() {
    let from = day("2015-01-01");
    let moments = (0..3650).step_by(3).map(|d| MomentFact {
        local_date: from + Days::new(d),
        ..moment(0, "skin_to_skin", 30, Some(4), Giver::Me)
    });
    let facts = Facts {
        moments: moments.collect(),
        kinds: kinds("Feeding"),
        ..Facts::default()
    };
    let period = Period {
        from,
        to: from + Days::new(3649),
        span: Span::Between {
            from,
            to: from + Days::new(3649),
        },
    };
    let drawn = charts(&weekly(&facts, &period, &Options::default()), Theme::Dark);
    assert_eq!(drawn.len(), 4);
    assert!(
        drawn[0].svg.matches("<rect").count() > 500,
        "a bar for every week"
    );
    assert!(
        drawn[0].svg.contains("Jan 2015"),
        "labels over years name the year"
    );
}

#[test]
fn a_chart_reaches_the_ui_as_a_data_url_of_svg() {
    let chart = charts(&month("Ada", "Feeding"), Theme::Light).remove(0);
    let json = serde_json::to_value(&chart).expect("json");
    assert_eq!(json["id"], "care");
    assert_eq!(json["title"], "Moments of care per day");
    let url = json["svg"].as_str().expect("text");
    assert!(
        url.starts_with("data:image/svg+xml;base64,PHN2ZyB4bWxucz0i"),
        "{}",
        &url[..40]
    );
    assert_eq!(json["alt"], chart.alt);
}

/// The `<rect>`s of a chart that are not its background or legend: its bars, as (x, width).
fn bars(svg: &str) -> Vec<(f64, f64)> {
    svg.split("<rect")
        .skip(1)
        .filter_map(|r| {
            let attr = |name: &str| {
                let start = r.find(&format!(" {name}=\""))? + name.len() + 3;
                r[start..].split('"').next()?.parse::<f64>().ok()
            };
            let (x, width, height) = (attr("x")?, attr("width")?, attr("height")?);
            (height > 0.0 && width < 400.0 && width > 12.0).then_some((x, width))
        })
        .collect()
}

#[test]
fn a_single_week_draws_its_bar_and_weeks_fill_the_width_without_an_empty_slot() {
    let one = Period {
        from: day("2024-05-06"),
        to: day("2024-05-12"),
        span: Span::Weeks { weeks: 1 },
    };
    let facts = Facts {
        moments: vec![moment(2, "feeding", 20, Some(3), Giver::Me)],
        kinds: kinds("Feeding"),
        ..Facts::default()
    };
    let drawn = charts(&weekly(&facts, &one, &Options::default()), Theme::Light);
    assert_eq!(bars(&drawn[0].svg).len(), 1, "{}", drawn[0].svg);
    assert!(
        drawn[0].alt.contains("The weekly average was 0.1 a day."),
        "{}",
        drawn[0].alt
    );

    let four = charts(&month("Ada", "Feeding"), Theme::Light);
    let care = bars(&four[0].svg);
    assert_eq!(care.len(), 4, "{}", four[0].svg);
    let widths: Vec<f64> = care.iter().map(|b| b.1).collect();
    let (narrowest, widest) = widths
        .iter()
        .fold((f64::MAX, 0.0f64), |(lo, hi), w| (lo.min(*w), hi.max(*w)));
    assert!(
        widest - narrowest < 2.0,
        "the bars are as wide as each other: {widths:?}"
    );
    let right = care.iter().map(|b| b.0 + b.1).fold(0.0f64, f64::max);
    assert!(
        right > 440.0,
        "the last week reaches the right edge: {right}"
    );
}
