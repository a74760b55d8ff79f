//! Private moments never leave for a therapist, whatever the parent chooses.

mod common;

use common::{day, hostile_journal, now, store, today, SECRET, SECRET_WORD};
use nestling_export::{
    build_report, candidates, csv, journal_json, markdown, Include, Range, Scope, Selection,
};

fn ranges() -> Vec<Range> {
    vec![
        Range::Last { days: 7 },
        Range::Last { days: 1 },
        Range::Since(day("2026-10-02")),
        Range::Between {
            first: day("2026-10-01"),
            last: day("2026-10-07"),
        },
        Range::Between {
            first: day("2026-10-05"),
            last: day("2026-10-05"),
        },
    ]
}

fn includes() -> Vec<Include> {
    let mut all = Vec::new();
    for bits in 0..8u8 {
        all.push(Include {
            notes: bits & 1 != 0,
            feelings: bits & 2 != 0,
            ratings: bits & 4 != 0,
            check_ins: true,
        });
    }
    all
}

#[test]
fn private_moments_never_appear_under_any_combination_of_filters() {
    let store = store();
    let conn = store.conn();
    let fx = hostile_journal(conn);
    let kind_choices = [
        None,
        Some(vec!["feeding".to_string()]),
        Some(vec!["skin_to_skin".to_string(), fx.custom_kind.clone()]),
        Some(Vec::new()),
    ];
    let baby_choices = [
        None,
        Some(vec![fx.babies[0]]),
        Some(fx.babies.clone()),
        Some(Vec::new()),
    ];
    let exclusions = [Vec::new(), fx.private_ids.clone(), vec![fx.shared_ids[0]]];
    let mut checked = 0;
    let mut saw_private_counted = false;
    for range in ranges() {
        for kinds in &kind_choices {
            for babies in &baby_choices {
                for include in includes() {
                    for excluded in &exclusions {
                        let selection = Selection {
                            range: range.clone(),
                            kind_ids: kinds.clone(),
                            baby_ids: babies.clone(),
                            include,
                            excluded_ids: excluded.clone(),
                            title: None,
                            prepared_for: None,
                        };
                        let c = candidates(conn, &selection, today()).expect("candidates");
                        saw_private_counted |= c.private_left_out > 0;
                        for m in &c.moments {
                            assert!(!fx.private_ids.contains(&m.id), "candidate {}", m.id);
                            assert!(!fx.trashed_ids.contains(&m.id));
                            assert!(!m.note_preview.contains(SECRET));
                        }
                        let report =
                            build_report(conn, &selection, Some("Sam"), today()).expect("report");
                        let ids: Vec<i64> = report
                            .days
                            .iter()
                            .flat_map(|d| d.entries.iter().map(|e| e.id))
                            .collect();
                        for id in &ids {
                            assert!(!fx.private_ids.contains(id) && !fx.trashed_ids.contains(id));
                            assert!(!excluded.contains(id), "excluded {id} is in the report");
                        }
                        let json = journal_json(conn, Scope::Selection(&selection, today()), now())
                            .expect("json");
                        for text in [markdown(&report), csv(&report), json] {
                            assert!(!text.contains(SECRET), "{text}");
                            assert!(!text.contains(SECRET_WORD), "{text}");
                            assert!(!text.contains("TRASHED-NOTE"), "{text}");
                            assert!(!text.contains("\"private\": true"), "{text}");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 4 * 4 * 8 * 3);
    assert!(saw_private_counted, "some selections cover private moments");
}

#[test]
fn candidates_count_the_private_moments_they_leave_out_and_mark_exclusions() {
    let store = store();
    let conn = store.conn();
    let fx = hostile_journal(conn);
    let mut selection = Selection::new(Range::Last { days: 7 });
    selection.excluded_ids = vec![fx.shared_ids[2]];
    let c = candidates(conn, &selection, today()).expect("candidates");
    assert_eq!(c.private_left_out, 3);
    assert_eq!(c.moments.len(), fx.shared_ids.len());
    let ids: Vec<i64> = c.moments.iter().map(|m| m.id).collect();
    let mut newest_first = fx.shared_ids.clone();
    newest_first.reverse();
    assert_eq!(ids, newest_first);
    let excluded: Vec<i64> = c
        .moments
        .iter()
        .filter(|m| m.excluded)
        .map(|m| m.id)
        .collect();
    assert_eq!(excluded, vec![fx.shared_ids[2]]);
    selection.baby_ids = Some(vec![fx.babies[0]]);
    let c = candidates(conn, &selection, today()).expect("candidates");
    assert_eq!(
        c.private_left_out, 1,
        "only Ada's private moment is in range of that filter"
    );
    let json = serde_json::to_value(&c).expect("json");
    assert!(json["privateLeftOut"].is_u64() && json["moments"][0]["notePreview"].is_string());
}

#[test]
fn a_partners_moment_goes_into_the_report_with_its_care_and_without_their_feelings() {
    use nestling_journal::shared::{self, Care, Feelings, SharedMoment};
    let store = store();
    let conn = store.conn();
    let started = common::at("2026-10-05T21:00:00+01:00");
    let theirs = SharedMoment {
        uid: "0190aaaa-0000-7000-8000-000000000001".into(),
        author: Some("0a1b2c3d4e5f60718293a4b5c6d7e8f9".into()),
        care: Care {
            kind: "feeding".into(),
            detail: Some("bottle".into()),
            started_at: started,
            utc_offset_seconds: 3600,
            ended_at: Some(started + chrono::TimeDelta::minutes(25)),
            baby: None,
            who: nestling_journal::Who::Partner,
        },
        feelings: Feelings {
            connection: Some(5),
            energy: Some(2),
            feelings: vec!["partnerword".into()],
            tags: vec!["partnertag".into()],
            note: "PARTNER-NOTE shared with me, not with my therapist".into(),
        },
        share_feelings: true,
        private: false,
        created_at: started,
        updated_at: started,
        deleted_at: None,
    };
    shared::put_moment(conn, &theirs).expect("arrived");
    let id: i64 = conn
        .query_row("SELECT id FROM moment WHERE uid = ?1", [&theirs.uid], |r| {
            r.get(0)
        })
        .expect("id");
    let selection = Selection::new(Range::Last { days: 7 });
    let report = build_report(conn, &selection, Some("Sam"), today()).expect("report");
    let entries: Vec<_> = report.days.iter().flat_map(|d| d.entries.iter()).collect();
    assert!(
        entries.iter().any(|e| e.id == id),
        "the care is in the report"
    );
    let c = candidates(conn, &selection, today()).expect("candidates");
    assert!(c
        .moments
        .iter()
        .any(|m| m.id == id && m.note_preview.is_empty()));
    let json = journal_json(conn, Scope::Selection(&selection, today()), now()).expect("json");
    for text in [markdown(&report), csv(&report), json] {
        for secret in ["PARTNER-NOTE", "partnerword", "partnertag"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}
