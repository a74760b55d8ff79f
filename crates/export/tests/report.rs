//! Building a report: what it holds, its summary, and its renderings as snapshots.

mod common;

use common::{day, hostile_journal, now, store, today};
use nestling_export::{
    build_report, csv, journal_json, markdown, Include, Range, Scope, Selection,
};

fn week() -> Selection {
    let mut s = Selection::new(Range::Between {
        first: day("2026-10-01"),
        last: day("2026-10-07"),
    });
    s.title = Some("  Week one *together*  ".into());
    s.prepared_for = Some("Dr. [Amal] Haddad <therapist>".into());
    s
}

#[test]
fn a_report_holds_the_shared_moments_by_local_day_oldest_first() {
    let store = store();
    let fx = hostile_journal(store.conn());
    let r = build_report(store.conn(), &week(), Some("  Sam  "), today()).expect("report");
    assert_eq!(r.title, "Week one *together*");
    assert_eq!(r.parent_name.as_deref(), Some("Sam"));
    assert_eq!(
        (r.first_day, r.last_day, r.generated_on),
        (day("2026-10-01"), day("2026-10-07"), today())
    );
    let ids: Vec<i64> = r
        .days
        .iter()
        .flat_map(|d| d.entries.iter().map(|e| e.id))
        .collect();
    assert_eq!(ids, fx.shared_ids);
    let dates: Vec<String> = r.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06"
        ]
    );
    let late = &r.days[1].entries[0];
    assert_eq!(
        (late.start.as_str(), late.started_at.to_rfc3339()),
        ("23:30", "2026-10-02T23:30:00-05:00".into())
    );
    let feed = &r.days[0].entries[0];
    assert_eq!(
        (
            feed.start.as_str(),
            feed.end.as_deref(),
            feed.duration_minutes
        ),
        ("03:10", Some("03:32"), Some(22))
    );
    assert_eq!(
        (
            feed.kind.as_str(),
            feed.detail.as_deref(),
            feed.baby.as_deref()
        ),
        ("Feeding", Some("Left breast"), Some("Ada"))
    );
    assert_eq!(r.days[2].entries[0].who, "Nana \"Jo\", O'Neil");
    assert_eq!(r.days[0].entries[1].who, "Partner");
}

#[test]
fn the_summary_counts_kinds_weeks_days_ratings_and_feelings() {
    let store = store();
    hostile_journal(store.conn());
    let r = build_report(store.conn(), &week(), None, today()).expect("report");
    let s = &r.summary;
    assert_eq!((s.moments, s.minutes), (7, 22 + 45 + 10 + 61));
    let kinds: Vec<(&str, u32, i64)> = s
        .kinds
        .iter()
        .map(|k| (k.kind_id.as_str(), k.moments, k.minutes))
        .collect();
    assert_eq!(kinds[0], ("skin_to_skin", 2, 106));
    assert_eq!(
        &kinds[1..5],
        &[
            ("feeding", 1, 22),
            ("changing", 1, 0),
            ("rocking", 1, 0),
            ("soothing", 1, 10)
        ]
    );
    assert_eq!(s.weeks.len(), 1);
    assert_eq!(
        (s.weeks[0].first_day, s.weeks[0].last_day),
        (day("2026-10-01"), day("2026-10-07"))
    );
    assert_eq!(s.weeks[0].kinds, s.kinds);
    let skin: Vec<i64> = s.skin_to_skin.iter().map(|d| d.minutes).collect();
    assert_eq!(skin, [45, 0, 0, 61, 0, 0, 0]);
    assert_eq!(s.ratings.len(), 7);
    assert_eq!(
        (s.ratings[0].connection, s.ratings[0].energy),
        (Some(4.5), Some(2.0))
    );
    assert_eq!(
        (s.ratings[1].connection, s.ratings[1].energy),
        (None, Some(3.0))
    );
    assert_eq!((s.ratings[6].connection, s.ratings[6].energy), (None, None));
    let words: Vec<(&str, u32)> = s
        .top_feelings
        .iter()
        .map(|w| (w.word.as_str(), w.count))
        .collect();
    assert_eq!(
        words,
        [
            ("calm", 2),
            ("tender", 2),
            ("anxious", 1),
            ("exhausted", 1),
            ("über-calm", 1)
        ]
    );
}

/// Each period as (first day, last day, moments in it).
fn spans(periods: &[nestling_export::Period]) -> Vec<(String, String, u32)> {
    periods
        .iter()
        .map(|p| {
            (
                p.first_day.to_string(),
                p.last_day.to_string(),
                p.kinds.iter().map(|k| k.moments).sum(),
            )
        })
        .collect()
}

#[test]
fn weeks_are_seven_day_blocks_from_the_first_day_clipped_to_the_range() {
    let store = store();
    hostile_journal(store.conn());
    let s = Selection::new(Range::Between {
        first: day("2026-09-28"),
        last: day("2026-10-07"),
    });
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    let weeks = spans(&r.summary.weeks);
    assert_eq!(
        weeks,
        [
            ("2026-09-28".into(), "2026-10-04".into(), 5),
            ("2026-10-05".into(), "2026-10-07".into(), 2)
        ]
    );
    assert_eq!(r.summary.skin_to_skin.len(), 10);
}

#[test]
fn months_are_calendar_months_clipped_to_the_range() {
    let store = store();
    hostile_journal(store.conn());
    let s = Selection::new(Range::Between {
        first: day("2026-08-15"),
        last: day("2026-10-07"),
    });
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    let months = spans(&r.summary.months);
    assert_eq!(
        months,
        [
            ("2026-08-15".into(), "2026-08-31".into(), 0),
            ("2026-09-01".into(), "2026-09-30".into(), 0),
            ("2026-10-01".into(), "2026-10-07".into(), r.summary.moments)
        ]
    );
    assert!(r.summary.moments > 0);
}

#[test]
fn parts_not_shared_are_left_empty_and_unticked_moments_left_out() {
    let store = store();
    let fx = hostile_journal(store.conn());
    let mut s = week();
    s.include = Include {
        notes: false,
        feelings: false,
        ratings: false,
        check_ins: false,
    };
    s.excluded_ids = vec![fx.shared_ids[0]];
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    let entries: Vec<_> = r.days.iter().flat_map(|d| d.entries.iter()).collect();
    assert_eq!(entries.len(), 6);
    assert!(entries
        .iter()
        .all(|e| e.note.is_none() && e.feelings.is_empty()));
    assert!(entries
        .iter()
        .all(|e| e.connection.is_none() && e.energy.is_none()));
    assert!(r.summary.ratings.is_empty() && r.summary.top_feelings.is_empty());
    assert_eq!(r.summary.moments, 6);
    let text = format!("{}{}", markdown(&r), csv(&r));
    assert!(!text.contains("Not a heading") && !text.contains("tender"));
}

#[test]
fn empty_notes_are_none_and_a_range_without_moments_has_no_days() {
    let store = store();
    hostile_journal(store.conn());
    let s = Selection::new(Range::Between {
        first: day("2026-01-01"),
        last: day("2026-01-03"),
    });
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    assert!(r.days.is_empty());
    assert_eq!(
        (
            r.summary.moments,
            r.summary.skin_to_skin.len(),
            r.summary.ratings.len()
        ),
        (0, 3, 3)
    );
    assert!(r.summary.kinds.is_empty());
    assert!(markdown(&r).contains("0 moments of care"));
    assert_eq!(csv(&r).lines().count(), 1);
}

#[test]
fn snapshots_of_markdown_csv_and_json_for_a_fixed_report() {
    let store = store();
    hostile_journal(store.conn());
    let r = build_report(store.conn(), &week(), Some("Sam"), today()).expect("report");
    insta::assert_snapshot!("markdown", markdown(&r));
    insta::assert_snapshot!("csv", csv(&r));
    insta::assert_json_snapshot!("report_json", r);
    let mut partial = week();
    partial.include = Include {
        notes: true,
        feelings: false,
        ratings: false,
        check_ins: true,
    };
    partial.kind_ids = Some(vec!["feeding".into(), "skin_to_skin".into()]);
    let json =
        journal_json(store.conn(), Scope::Selection(&partial, today()), now()).expect("json");
    insta::assert_snapshot!("selection_json", json);
}

#[test]
fn only_live_check_ins_marked_for_the_report_in_the_range_reach_it_as_the_parents_answers() {
    let store = store();
    let fx = hostile_journal(store.conn());
    let mut s = Selection::new(Range::Between {
        first: day("2026-09-01"),
        last: day("2026-10-07"),
    });
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    let ids: Vec<i64> = r.check_ins.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![fx.check_ins[3], fx.check_ins[0]],
        "marked, live, oldest first"
    );
    s.range = Range::Last { days: 7 };
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    assert_eq!(r.check_ins.len(), 1, "the one before the range is left out");
    let text = markdown(&r);
    assert!(
        text.contains("## How I felt — my own check-in answers"),
        "{text}"
    );
    assert!(text.contains("- Mood: I chose 2, on a scale from 1 very low to 5 very good"));
    assert!(text.contains("- My sleep in the 24 hours before: 5 h 30 min"));
    assert!(text.contains("we had a cuddle"));
    for never in [
        common::UNSHARED_CHECK_IN,
        "score:",
        "safety",
        "unwanted",
        "harm",
    ] {
        assert!(!text.contains(never), "{never} in the Markdown");
    }
    let json = serde_json::to_string(&r).expect("json");
    assert!(!json.contains("safety") && !json.contains("unwanted_thoughts"));
}

#[test]
fn check_in_notes_follow_the_notes_switch_and_the_section_its_own_switch() {
    let store = store();
    hostile_journal(store.conn());
    let mut s = week();
    s.include.notes = false;
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    assert_eq!(
        (r.check_ins[0].note.as_deref(), r.check_ins[0].worry),
        (None, Some(3))
    );
    assert!(!markdown(&r).contains("we had a cuddle"));
    s.include.check_ins = false;
    let r = build_report(store.conn(), &s, None, today()).expect("report");
    assert!(r.check_ins.is_empty());
    assert!(!markdown(&r).contains("How I felt"));
}
