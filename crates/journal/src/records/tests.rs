use super::*;
use crate::testing::{at, input, log, now, rows, store};
use crate::{baby, care_team, kind, timer, words, BabyInput, KindInput, Role, TimerInput};
use crate::{Error, MAX_NOTE_CHARS};
use nestling_store::Store;

/// A small journal with one of everything: two babies (one archived), a kind and a word of the
/// parent's own, a moment in the trash, a timer, a check-in and a contact.
fn journal() -> Store {
    let store = store();
    let conn = store.conn();
    let ada = baby::add(
        conn,
        &BabyInput {
            name: "Ada".into(),
            birth_date: None,
        },
        now(),
    )
    .expect("baby");
    let bo = baby::add(
        conn,
        &BabyInput {
            name: "Bo".into(),
            birth_date: None,
        },
        now(),
    )
    .expect("baby");
    let own = KindInput {
        name: "Walk in the park".into(),
        emoji: "🌳".into(),
        timed: false,
    };
    let own = kind::add(conn, &own, now()).expect("kind");
    words::add_feeling_word(conn, "glowing", now()).expect("word");
    let mut m = input("feeding", "2024-05-01T08:00:00+02:00");
    (m.baby_id, m.note, m.connection) = (Some(ada.id), "first feed".into(), Some(4));
    (m.feelings, m.tags) = (vec!["glowing".into(), "calm".into()], vec!["night".into()]);
    log(&store, &m);
    let mut m = input(&own.id, "2024-05-02T09:00:00Z");
    m.baby_id = Some(bo.id);
    let gone = log(&store, &m);
    crate::trash::soft_delete(conn, gone.id, now()).expect("trash");
    baby::archive(conn, bo.id, now()).expect("archive");
    let t = TimerInput {
        kind_id: "skin_to_skin".into(),
        baby_id: Some(ada.id),
        ..Default::default()
    };
    timer::start(conn, &t, now()).expect("timer");
    let c = crate::CheckInInput {
        taken_at: at("2024-05-01T07:00:00Z"),
        mood: Some(3),
        ..Default::default()
    };
    crate::check_in::insert(conn, &c, now()).expect("check-in");
    let c = crate::ContactInput {
        role: Role::Midwife,
        name: "Sam".into(),
        phone: "123".into(),
        notes: String::new(),
    };
    care_team::add(conn, &c, now()).expect("contact");
    store
}

#[test]
fn a_dump_restored_into_an_empty_journal_dumps_back_exactly() {
    let original = journal();
    let records = dump(original.conn()).expect("dump");
    let copy = store();
    let done = restore(copy.conn(), &records, Mode::Empty, now()).expect("restore");
    assert_eq!(dump(copy.conn()).expect("dump again"), records);
    assert!(done.journal_was_empty);
    assert_eq!(
        (done.added.babies, done.added.kinds, done.added.moments),
        (2, 1, 2)
    );
    assert_eq!(
        (done.added.timers, done.added.check_ins, done.added.contacts),
        (1, 1, 1)
    );
    assert_eq!(done.duplicates, Counts::default());
}

#[test]
fn an_empty_journal_restore_refuses_a_journal_in_use_and_writes_nothing() {
    let records = dump(journal().conn()).expect("dump");
    let target = journal();
    let before = dump(target.conn()).expect("before");
    let err = restore(target.conn(), &records, Mode::Empty, now()).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::JournalNotEmpty {
                moments: 2,
                babies: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(dump(target.conn()).expect("after"), before);
}

#[test]
fn merging_the_same_journal_again_adds_nothing_and_counts_the_duplicates() {
    let store = journal();
    let records = dump(store.conn()).expect("dump");
    let done = restore(store.conn(), &records, Mode::Merge, now()).expect("merge");
    assert_eq!(done.added, Counts::default());
    let dupes = done.duplicates;
    assert_eq!(
        (dupes.babies, dupes.kinds, dupes.moments, dupes.timers),
        (2, 1, 2, 1)
    );
    assert_eq!((dupes.check_ins, dupes.contacts), (1, 1));
    assert_eq!(dump(store.conn()).expect("after"), records);
}

#[test]
fn a_merge_gives_new_ids_and_keeps_what_was_there() {
    let target = store();
    let conn = target.conn();
    baby::add(
        conn,
        &BabyInput {
            name: "Cy".into(),
            birth_date: None,
        },
        now(),
    )
    .expect("baby");
    log(&target, &input("rocking", "2024-04-01T08:00:00Z"));
    let records = dump(journal().conn()).expect("dump");
    let done = restore(conn, &records, Mode::Merge, now()).expect("merge");
    assert!(!done.journal_was_empty);
    assert_eq!((done.added.babies, done.added.moments), (2, 2));
    assert_eq!((rows(&target, "baby"), rows(&target, "moment")), (3, 3));
    let merged = dump(conn).expect("dump");
    let first = merged
        .moments
        .iter()
        .find(|m| m.moment.note == "first feed")
        .expect("merged");
    let ada = merged.babies.iter().find(|b| b.name == "Ada").expect("ada");
    assert_eq!(
        first.moment.baby_id,
        Some(ada.id),
        "the moment follows its baby's new id"
    );
    assert_ne!(ada.id, records.babies[0].id);
}

#[test]
fn a_preview_reports_what_a_restore_would_do_and_keeps_nothing() {
    let records = dump(journal().conn()).expect("dump");
    let target = store();
    let seen = preview(target.conn(), &records, now()).expect("preview");
    assert_eq!(rows(&target, "moment"), 0);
    let done = restore(target.conn(), &records, Mode::Empty, now()).expect("restore");
    assert_eq!(seen, done);
    assert_eq!(
        preview(target.conn(), &records, now())
            .expect("again")
            .added,
        Counts::default()
    );
}

type Breaker = fn(&mut Records);

/// One record breaking each of the journal's rules, with the table, the row and the kind of
/// error the journal gives when the parent enters the same thing.
fn breakers() -> Vec<(Breaker, Table, usize, &'static str)> {
    vec![
        (
            |r| r.babies[0].name = " ".into(),
            Table::Babies,
            0,
            "baby_name_empty",
        ),
        (
            |r| r.babies[1].name = "b".repeat(61),
            Table::Babies,
            1,
            "baby_name_too_long",
        ),
        (
            |r| own_kind(r).name = "k".repeat(41),
            Table::Kinds,
            9,
            "kind_name_too_long",
        ),
        (
            |r| own_kind(r).emoji = String::new(),
            Table::Kinds,
            9,
            "emoji_invalid",
        ),
        (
            |r| own_kind(r).name = "Feeding".into(),
            Table::Kinds,
            9,
            "kind_name_taken",
        ),
        (
            |r| r.kinds[0].id = "no_such".into(),
            Table::Kinds,
            0,
            "unknown_kind",
        ),
        (
            |r| r.feeling_words[0].word = "w".repeat(41),
            Table::FeelingWords,
            0,
            "feeling_word_too_long",
        ),
        (
            |r| r.moments[0].moment.connection = Some(9),
            Table::Moments,
            0,
            "connection_out_of_range",
        ),
        (
            |r| r.moments[0].moment.energy = Some(0),
            Table::Moments,
            0,
            "energy_out_of_range",
        ),
        (
            |r| r.moments[0].moment.utc_offset_seconds = 50_401,
            Table::Moments,
            0,
            "offset_out_of_range",
        ),
        (
            |r| r.moments[0].moment.kind_id = "nope".into(),
            Table::Moments,
            0,
            "unknown_kind",
        ),
        (
            |r| r.moments[0].moment.detail = Some("nope".into()),
            Table::Moments,
            0,
            "unknown_detail",
        ),
        (
            |r| r.moments[0].moment.baby_id = Some(99),
            Table::Moments,
            0,
            "unknown_baby",
        ),
        (
            |r| r.moments[0].moment.note = "n".repeat(MAX_NOTE_CHARS + 1),
            Table::Moments,
            0,
            "note_too_long",
        ),
        (
            |r| r.moments[0].moment.tags = many("t"),
            Table::Moments,
            0,
            "too_many_tags",
        ),
        (
            |r| r.moments[0].moment.feelings = many("f"),
            Table::Moments,
            0,
            "too_many_feelings",
        ),
        (
            |r| r.moments[0].moment.tags = vec!["a,b".into()],
            Table::Moments,
            0,
            "tag_has_comma",
        ),
        (
            |r| r.moments[0].moment.who = Who::Caregiver(String::new()),
            Table::Moments,
            0,
            "caregiver_name_empty",
        ),
        (
            |r| r.moments[0].moment.started_at = at("1999-12-31T00:00:00Z"),
            Table::Moments,
            0,
            "start_too_early",
        ),
        (
            |r| r.moments[1].moment.ended_at = Some(at("2024-05-04T09:00:00Z")),
            Table::Moments,
            1,
            "too_long",
        ),
        (
            |r| r.moments[1].moment.ended_at = Some(at("2024-05-02T08:00:00Z")),
            Table::Moments,
            1,
            "end_before_start",
        ),
        (
            |r| r.timers[0].utc_offset_seconds = -43_201,
            Table::Timers,
            0,
            "offset_out_of_range",
        ),
        (
            |r| r.check_ins[0].answers.mood = Some(6),
            Table::CheckIns,
            0,
            "mood_out_of_range",
        ),
        (
            |r| r.care_team[0].contact.phone = "call me".into(),
            Table::CareTeam,
            0,
            "contact_phone_invalid",
        ),
    ]
}

fn own_kind(r: &mut Records) -> &mut KindRecord {
    r.kinds
        .iter_mut()
        .find(|k| !k.built_in)
        .expect("an own kind")
}

fn many(prefix: &str) -> Vec<String> {
    (0..21).map(|i| format!("{prefix}{i}")).collect()
}

#[test]
fn a_record_breaking_each_journal_rule_is_refused_with_the_journals_error_and_nothing_written() {
    let records = dump(journal().conn()).expect("dump");
    assert_eq!(
        own_kind(&mut records.clone()).id,
        records.kinds[9].id,
        "the fixture's own kind is 10th"
    );
    for (i, (break_it, table, index, kind)) in breakers().into_iter().enumerate() {
        let mut broken = records.clone();
        break_it(&mut broken);
        for mode in [Mode::Empty, Mode::Merge] {
            if kind == "kind_name_taken" && mode == Mode::Merge {
                continue; // a merge matches a kind by its name instead
            }
            let target = store();
            let err = restore(target.conn(), &broken, mode, now()).expect_err("refused");
            assert_eq!(err.kind(), kind, "rule {i} in {mode:?}: {err:?}");
            let Error::RecordRefused {
                table: t, index: n, ..
            } = &err
            else {
                panic!("{err:?}")
            };
            assert_eq!((*t, *n), (table, index), "rule {i}");
            assert_eq!(
                dump(target.conn()).expect("dump"),
                dump(store().conn()).expect("empty")
            );
        }
    }
}

#[test]
fn a_restored_moment_is_checked_for_the_per_moment_limits_a_save_would_check() {
    let mut records = dump(journal().conn()).expect("dump");
    records.moments[0].moment.tags = many("t");
    let err = restore(store().conn(), &records, Mode::Empty, now()).expect_err("refused");
    assert!(
        matches!(&err, Error::RecordRefused { rule, .. } if matches!(**rule, Error::TooManyTags { count: 21 })),
        "{err:?}"
    );
    assert!(err.is_invalid_input());
}
