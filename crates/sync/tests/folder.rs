//! Two computers paired through one real folder on disk: what the parents do, and what goes
//! wrong with folders (missing, tampered, truncated, another pair's files).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use nestling_journal::{moment, timer, MomentInput, TimerInput, Who};
use nestling_store::Store;
use nestling_sync::{pairing, FolderTrouble, PairSecret, Report, Sharing};

struct Computer {
    store: Store,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0)
        .single()
        .expect("a time")
}

impl Computer {
    fn paired(secret: &PairSecret, name: &str, folder: &Path) -> Computer {
        let store = Store::open_in_memory().expect("journal");
        pairing::pair(store.conn(), secret, name, folder, now()).expect("paired");
        Computer { store }
    }

    fn exchange(&self) -> Report {
        let conn = self.store.conn();
        let mut sharing = Sharing::open(conn).expect("open").expect("paired");
        sharing.exchange(conn, now()).expect("exchange")
    }

    fn log(&self, note: &str, share: bool) -> i64 {
        let conn = self.store.conn();
        let input = MomentInput {
            kind_id: "feeding".into(),
            started_at: now() - Duration::hours(1),
            utc_offset_seconds: 3600,
            ended_at: Some(now() - Duration::minutes(40)),
            connection: Some(4),
            feelings: vec!["tender".into()],
            note: note.into(),
            ..MomentInput::default()
        };
        let m = moment::insert(conn, &input, now()).expect("logged");
        moment::set_share_feelings(conn, m.id, share, now()).expect("box");
        m.id
    }

    fn moments(&self) -> Vec<moment::Moment> {
        let conn = self.store.conn();
        let mut stmt = conn
            .prepare("SELECT id FROM moment ORDER BY started_at, id")
            .expect("q");
        let ids: Vec<i64> = stmt
            .query_map([], |r| r.get(0))
            .expect("ids")
            .map(|r| r.expect("id"))
            .collect();
        ids.iter()
            .map(|id| moment::get(conn, *id).expect("moment"))
            .collect()
    }
}

fn pair_of(folder: &Path) -> (Computer, Computer) {
    let secret = PairSecret::generate().expect("secret");
    let typed = PairSecret::from_code(&secret.code()).expect("code typed on the other");
    assert_eq!(secret.check_phrase(), typed.check_phrase());
    (
        Computer::paired(&secret, "Sam", folder),
        Computer::paired(&typed, "Noor", folder),
    )
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        match path.is_dir() {
            true => out.extend(files_under(&path)),
            false => out.push(path),
        }
    }
    out
}

#[test]
fn a_moment_logged_on_one_computer_reaches_the_other_through_the_folder() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    sam.log("Warm bottle by the window", false);
    assert!(sam.exchange().sent);
    let report = noor.exchange();
    assert_eq!(report.received.written, 1, "{report:?}");
    let m = &noor.moments()[0];
    assert!(m.from_partner);
    assert_eq!(m.who, Who::Partner);
    assert_eq!(
        (m.note.as_str(), m.connection),
        ("", None),
        "feelings stay with Sam"
    );
    let p = pairing::get(noor.store.conn())
        .expect("read")
        .expect("paired");
    assert_eq!(p.partner.expect("partner").1, "Sam");
    sam.exchange();
    let p = pairing::get(sam.store.conn())
        .expect("read")
        .expect("paired");
    assert_eq!(p.partner.expect("partner").1, "Noor");
}

#[test]
fn a_timer_started_on_one_computer_is_stopped_on_the_other() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    let input = TimerInput {
        kind_id: "feeding".into(),
        utc_offset_seconds: 3600,
        started_at: Some(now() - Duration::minutes(20)),
        ..TimerInput::default()
    };
    timer::start(noor.store.conn(), &input, now()).expect("started");
    noor.exchange();
    sam.exchange();
    let running = timer::list(sam.store.conn(), now()).expect("timers");
    assert_eq!(running.len(), 1, "the feed runs on Sam's computer too");
    timer::stop(sam.store.conn(), running[0].id, now()).expect("stopped");
    sam.exchange();
    noor.exchange();
    assert!(timer::list(noor.store.conn(), now())
        .expect("timers")
        .is_empty());
    let feeds = noor.moments();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].duration_minutes, Some(20));
    assert_eq!(
        feeds[0].who,
        Who::Me,
        "Noor gave the feed, as Noor's computer sees it"
    );
}

#[test]
fn edits_made_on_both_while_apart_merge_field_by_field() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    let id = sam.log("", false);
    sam.exchange();
    noor.exchange();
    // Apart: Sam changes the end, Noor says who gave the feed.
    let conn = sam.store.conn();
    let mut input = moment::get(conn, id).expect("moment").as_input();
    input.ended_at = Some(now() - Duration::minutes(10));
    moment::update(conn, id, &input, now()).expect("Sam's edit");
    let theirs = noor.moments()[0].clone();
    let mut input = theirs.as_input();
    input.who = Who::Caregiver("Nana".into());
    moment::update(noor.store.conn(), theirs.id, &input, now()).expect("Noor's edit");
    for _ in 0..2 {
        sam.exchange();
        noor.exchange();
    }
    let (a, b) = (&sam.moments()[0], &noor.moments()[0]);
    for m in [a, b] {
        assert_eq!(m.duration_minutes, Some(50), "Sam's end kept");
        assert_eq!(m.who, Who::Caregiver("Nana".into()), "Noor's who kept");
    }
}

#[test]
fn no_note_is_in_the_folder_in_plain_text_shared_or_not() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    sam.log("Ada smiled at the lamp", true);
    sam.log("I felt far away tonight", false);
    sam.exchange();
    noor.exchange();
    let notes: Vec<String> = noor.moments().iter().map(|m| m.note.clone()).collect();
    assert!(
        notes.contains(&"Ada smiled at the lamp".to_owned()),
        "the shared note arrived"
    );
    assert!(
        !notes.iter().any(|n| n.contains("far away")),
        "the unshared one did not"
    );
    let files = files_under(shared.path());
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        for text in ["Ada smiled", "far away", "tender", "Sam"] {
            let found = bytes.windows(text.len()).any(|w| w == text.as_bytes());
            assert!(!found, "{text:?} is readable in {}", file.display());
        }
    }
}

fn partner_files(shared: &Path, exclude_dir_of: &Computer) -> Vec<PathBuf> {
    let me = pairing::get(exclude_dir_of.store.conn())
        .expect("read")
        .expect("paired")
        .device
        .to_string();
    let mut files: Vec<PathBuf> = files_under(shared)
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains(&me))
        .collect();
    files.sort();
    files
}

#[test]
fn a_tampered_or_truncated_file_changes_nothing_and_a_completed_copy_is_applied() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    sam.log("", false);
    sam.exchange();
    let changes = partner_files(shared.path(), &noor)
        .pop()
        .expect("Sam's changes file");
    let whole = std::fs::read(&changes).expect("readable");

    std::fs::write(&changes, &whole[..whole.len() / 2]).expect("cut");
    let report = noor.exchange();
    assert_eq!(
        (report.incomplete, report.received.written),
        (1, 0),
        "{report:?}"
    );
    assert!(noor.moments().is_empty());

    let mut tampered = whole.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    std::fs::write(&changes, &tampered).expect("tamper");
    let report = noor.exchange();
    assert_eq!(
        (report.damaged, report.received.written),
        (1, 0),
        "{report:?}"
    );
    assert!(noor.moments().is_empty());

    std::fs::write(&changes, &whole).expect("copy finished");
    let report = noor.exchange();
    assert_eq!(report.received.written, 1, "{report:?}");
}

#[test]
fn files_of_another_pair_are_counted_and_never_read() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    let (stranger, _) = pair_of(shared.path());
    stranger.log("", false);
    stranger.exchange();
    sam.exchange();
    let report = noor.exchange();
    assert!(report.other_pairs >= 1, "{report:?}");
    assert!(noor.moments().is_empty());
}

#[test]
fn a_missing_folder_keeps_the_changes_until_it_is_back() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    sam.exchange();
    noor.exchange();
    let moved = shared.path().with_extension("away");
    std::fs::rename(shared.path(), &moved).expect("unplugged");
    sam.log("", false);
    let report = sam.exchange();
    assert_eq!(report.folder, Some(FolderTrouble::Missing));
    std::fs::rename(&moved, shared.path()).expect("plugged back");
    assert!(sam.exchange().sent);
    assert_eq!(noor.exchange().received.written, 1);
}

#[test]
fn after_unpairing_nothing_new_reaches_the_other() {
    let shared = tempfile::tempdir().expect("folder");
    let (sam, noor) = pair_of(shared.path());
    sam.log("", false);
    sam.exchange();
    noor.exchange();
    let sharing = Sharing::open(sam.store.conn())
        .expect("open")
        .expect("paired");
    sharing.unpair(sam.store.conn()).expect("unpaired");
    assert!(Sharing::open(sam.store.conn()).expect("open").is_none());
    assert_eq!(sam.moments().len(), 1, "every moment stays");
    sam.log("", false);
    noor.log("", false);
    noor.exchange();
    assert_eq!(sam.moments().len(), 2, "nothing of Noor's arrives");
    assert_eq!(noor.moments().len(), 2, "nothing new of Sam's arrives");
    let p = pairing::get(noor.store.conn())
        .expect("read")
        .expect("paired");
    assert!(
        p.partner_left_at.is_some(),
        "Noor's computer knows Sam unpaired"
    );
}
