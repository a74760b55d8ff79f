//! Deleting for good really forgets: the words of a purged note are in neither the journal file
//! nor its write-ahead log, search index included (FTS5 secure-delete plus a log truncation).

use chrono::Utc;
use nestling_journal::{moment, trash, MomentInput};
use nestling_store::Store;

const SECRET_WORD: &str = "quokkazebrine";
/// The word as the index keeps it (stemmed); also found inside the word itself.
const STEM: &str = "quokkazebrin";

fn contains(path: &std::path::Path, needle: &str) -> bool {
    std::fs::read(path)
        .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or(false)
}

fn log(store: &Store, note: &str) -> i64 {
    let input = MomentInput {
        kind_id: "soothing".into(),
        started_at: Utc::now(),
        utc_offset_seconds: 0,
        note: note.into(),
        ..Default::default()
    };
    moment::insert(store.conn(), &input, Utc::now())
        .expect("saved")
        .id
}

#[test]
fn a_purged_notes_words_are_in_neither_the_journal_file_nor_its_log() {
    // Regression: PRAGMA secure_delete does not reach FTS5 segments, so the index kept them.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_in(dir.path()).expect("a plain journal");
    // The purged note sits in an older, merged segment of the index, which a plain delete
    // leaves in place.
    let id = log(
        &store,
        &format!("the {SECRET_WORD} song at three in the morning"),
    );
    for i in 0..200 {
        log(&store, &format!("an ordinary evening number {i}"));
    }
    store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpointed");
    let db = dir.path().join(nestling_store::DATABASE_FILE_NAME);
    let wal = dir
        .path()
        .join(format!("{}-wal", nestling_store::DATABASE_FILE_NAME));
    assert!(
        contains(&db, STEM),
        "the word is there before: the check can see it"
    );

    trash::soft_delete(store.conn(), id, Utc::now()).expect("in the trash");
    trash::purge(store.conn(), id).expect("purged");

    assert!(
        !contains(&db, STEM),
        "the journal file forgot it, index included"
    );
    assert!(!contains(&wal, STEM), "its write-ahead log forgot it");
    let hits = nestling_journal::search::search(
        store.conn(),
        "evening",
        &nestling_journal::query::Filter::default(),
        50,
    )
    .expect("search still works");
    assert_eq!(hits.len(), 50);
}
