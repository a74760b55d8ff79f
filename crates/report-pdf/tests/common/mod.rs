//! Helpers shared by the integration tests: sample reports and the PDF command-line tools.
#![allow(dead_code, unreachable_pub)]

use std::io::Write;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate};
use nestling_export::{
    CheckInAnswers, Day, DayMinutes, DayRatings, Entry, Include, KindTotal, Period, Report,
    Summary, Supported, WordCount,
};
use nestling_journal::patterns::{Average, KindWeek, Week, WhoCounts};

/// Runs a poppler/qpdf tool on `pdf` with `args` before the file name (and `after` it),
/// returning stdout. Fails with install advice when the tool is missing.
pub fn run_tool(tool: &str, args: &[&str], after: &[&str], pdf: &[u8]) -> (bool, String) {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(pdf).expect("write pdf");
    let output = Command::new(tool)
        .args(args)
        .arg(file.path())
        .args(after)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{tool}` ({e}): `scripts/deps.sh test` installs poppler-utils and qpdf"
            )
        });
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

/// The PDF's text in reading order (`pdftotext`).
pub fn text_of(pdf: &[u8]) -> String {
    let (ok, text) = run_tool("pdftotext", &["-enc", "UTF-8"], &["-"], pdf);
    assert!(ok, "pdftotext failed: {text}");
    text
}

/// The PDF's text laid out as on the page (`pdftotext -layout`).
pub fn layout_text_of(pdf: &[u8]) -> String {
    let (ok, text) = run_tool("pdftotext", &["-layout", "-enc", "UTF-8"], &["-"], pdf);
    assert!(ok, "pdftotext failed: {text}");
    text
}

/// `pdfinfo` output.
pub fn info_of(pdf: &[u8]) -> String {
    let (ok, text) = run_tool("pdfinfo", &[], &[], pdf);
    assert!(ok, "pdfinfo failed: {text}");
    text
}

/// Text with every run of whitespace made one space, to compare across line breaks.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("valid time")
}

fn kind(id: &str, name: &str, emoji: &str, moments: u32, minutes: i64) -> KindTotal {
    KindTotal {
        kind_id: id.into(),
        name: name.into(),
        emoji: emoji.into(),
        moments,
        minutes,
    }
}

/// A check-in the parent shared, every answer given; tests change what they need.
pub fn check_in(id: i64, date: &str, time: &str) -> CheckInAnswers {
    CheckInAnswers {
        id,
        taken_at: at(&format!("{date}T{time}:00+01:00")),
        date: date.parse().expect("YYYY-MM-DD"),
        time: time.into(),
        mood: Some(2),
        closeness: Some(4),
        worry: Some(3),
        sleep_minutes: Some(330),
        supported: Some(Supported::Somewhat),
        note: Some("A long evening; we had a cuddle after the bath.".into()),
        answers: Vec::new(),
    }
    .with_answers()
}

/// The fixed report's one week, as the journal's weekly function figures it from its entries.
fn fixed_week() -> Week {
    let kind_week = |id: &str, name: &str, emoji: &str, moments, minutes| KindWeek {
        kind_id: id.into(),
        name: name.into(),
        emoji: emoji.into(),
        moments,
        minutes,
    };
    Week {
        first_day: day(2025, 3, 3),
        last_day: day(2025, 3, 5),
        days: 3,
        moments: 4,
        moments_per_day: 4.0 / 3.0,
        skin_to_skin_minutes: 70,
        skin_to_skin_days: 2,
        kinds: vec![
            kind_week("feeding", "Feeding", "🍼", 2, 20),
            kind_week("skin_to_skin", "Skin-to-skin", "🫂", 2, 70),
        ],
        connection: Some(Average {
            average: 4.0,
            count: 3,
        }),
        energy: Some(Average {
            average: 2.0,
            count: 3,
        }),
        connection_values: [0, 0, 1, 1, 1],
        mood: None,
        sleep_minutes: None,
        who: WhoCounts {
            me: 2,
            partner: 1,
            other: 1,
        },
    }
}

/// An entry with everything filled in; tests change what they need.
pub fn entry(
    id: i64,
    date: &str,
    start: &str,
    end: Option<&str>,
    kind_id: &str,
    kind: &str,
    emoji: &str,
) -> Entry {
    let started_at = at(&format!("{date}T{start}:00+01:00"));
    let ended_at = end.map(|e| at(&format!("{date}T{e}:00+01:00")));
    Entry {
        id,
        started_at,
        ended_at,
        start: start.into(),
        end: end.map(Into::into),
        duration_minutes: ended_at.map(|e| (e - started_at).num_minutes()),
        kind_id: kind_id.into(),
        kind: kind.into(),
        emoji: emoji.into(),
        detail: None,
        baby: Some("Mia".into()),
        who: "Me".into(),
        connection: None,
        energy: None,
        feelings: Vec::new(),
        note: None,
    }
}

/// A fixed three-day report with two kinds, ratings, feelings and notes (one in Hebrew, one
/// in Arabic, one with accents).
pub fn fixed_report() -> Report {
    let mut a = entry(
        1,
        "2025-03-03",
        "08:15",
        Some("08:40"),
        "skin_to_skin",
        "Skin-to-skin",
        "🫂",
    );
    a.connection = Some(4);
    a.energy = Some(2);
    a.feelings = vec!["calm".into(), "tired".into()];
    a.note =
        Some("She fell asleep on my chest.\nI cried a little, the good kind. Café au lait.".into());
    let mut b = entry(
        2,
        "2025-03-03",
        "11:00",
        Some("11:20"),
        "feeding",
        "Feeding",
        "🍼",
    );
    b.detail = Some("Left breast".into());
    b.who = "Partner".into();
    b.connection = Some(3);
    let mut c = entry(3, "2025-03-05", "21:30", None, "feeding", "Feeding", "🍼");
    c.baby = None;
    c.energy = Some(1);
    c.feelings = vec!["overwhelmed".into()];
    c.note = Some("לילה ארוך, אבל היא חייכה אליי.".into());
    let mut d = entry(
        4,
        "2025-03-05",
        "22:10",
        Some("22:55"),
        "skin_to_skin",
        "Skin-to-skin",
        "🫂",
    );
    d.who = "Grandma Rosa".into();
    d.connection = Some(5);
    d.energy = Some(3);
    d.note = Some("كانت ليلة هادئة.".into());
    let kinds = vec![
        kind("skin_to_skin", "Skin-to-skin", "🫂", 2, 70),
        kind("feeding", "Feeding", "🍼", 2, 20),
    ];
    Report {
        title: "Bonding journal".into(),
        prepared_for: Some("Dr. Amal Haddad".into()),
        parent_name: Some("Noa".into()),
        first_day: day(2025, 3, 3),
        last_day: day(2025, 3, 5),
        generated_on: day(2025, 3, 6),
        include: Include {
            notes: true,
            feelings: true,
            ratings: true,
            check_ins: true,
        },
        summary: Summary {
            moments: 4,
            minutes: 90,
            kinds: kinds.clone(),
            weeks: vec![Period {
                first_day: day(2025, 3, 3),
                last_day: day(2025, 3, 5),
                kinds: kinds.clone(),
            }],
            months: vec![Period {
                first_day: day(2025, 3, 3),
                last_day: day(2025, 3, 5),
                kinds,
            }],
            skin_to_skin: vec![
                DayMinutes {
                    day: day(2025, 3, 3),
                    minutes: 25,
                },
                DayMinutes {
                    day: day(2025, 3, 4),
                    minutes: 0,
                },
                DayMinutes {
                    day: day(2025, 3, 5),
                    minutes: 45,
                },
            ],
            ratings: vec![
                DayRatings {
                    day: day(2025, 3, 3),
                    connection: Some(3.5),
                    energy: Some(2.0),
                },
                DayRatings {
                    day: day(2025, 3, 4),
                    connection: None,
                    energy: None,
                },
                DayRatings {
                    day: day(2025, 3, 5),
                    connection: Some(5.0),
                    energy: Some(2.0),
                },
            ],
            top_feelings: vec![
                WordCount {
                    word: "calm".into(),
                    count: 1,
                },
                WordCount {
                    word: "overwhelmed".into(),
                    count: 1,
                },
                WordCount {
                    word: "tired".into(),
                    count: 1,
                },
            ],
            weekly: vec![fixed_week()],
        },
        days: vec![
            Day {
                date: day(2025, 3, 3),
                entries: vec![a, b],
            },
            Day {
                date: day(2025, 3, 5),
                entries: vec![c, d],
            },
        ],
        check_ins: Vec::new(),
    }
}
