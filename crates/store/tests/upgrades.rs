//! Upgrading every old schema: each version keeps a frozen journal in `tests/fixtures/v<N>.sql`,
//! which is loaded into a file, opened with [`Store::open_file`] (which migrates it to the latest
//! version) and checked row by row.
//!
//! Two kinds of check run on every fixture: a generic one (every row of every table the old
//! version had is still there with the same values in the same columns, full-text shadow tables
//! aside) and specific ones (counts per table and chosen values, written by hand, so a fixture
//! that failed to load or a check that compares a table with itself cannot pass unnoticed).
//! How to add the next fixture: `tests/fixtures/README.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use nestling_store::rusqlite::types::Value;
use nestling_store::rusqlite::Connection;
use nestling_store::settings::{self, TextSize, Theme};
use nestling_store::{latest_version, Store};

/// Rows of each table: table name to its column names and its rows, sorted.
type Snapshot = BTreeMap<String, (Vec<String>, Vec<Vec<Value>>)>;

/// A hand-written check of the rows one fixture version added.
type Check = fn(&Store);

const APPLICATION_ID: i64 = 0x4E45_5354;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_path(version: u32) -> PathBuf {
    fixtures_dir().join(format!("v{version}.sql"))
}

/// Every `v<N>.sql` in the fixtures folder, by version.
fn fixture_versions() -> Vec<u32> {
    let entries = std::fs::read_dir(fixtures_dir()).expect("fixtures folder readable");
    let mut versions: Vec<u32> = entries
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|name| name.strip_prefix('v')?.strip_suffix(".sql")?.parse().ok())
        .collect();
    versions.sort_unstable();
    versions
}

/// Loads fixture `version` into a new file in `dir`, exactly as written, without migrating it.
fn load_fixture(version: u32, dir: &Path) -> PathBuf {
    let sql = std::fs::read_to_string(fixture_path(version)).expect("fixture readable");
    let path = dir.join(format!("journal-v{version}.sqlite3"));
    let conn = Connection::open(&path).expect("scratch file");
    conn.execute_batch(&sql)
        .unwrap_or_else(|err| panic!("fixture v{version}.sql does not load: {err}"));
    let found: u32 = pragma(&conn, "user_version");
    assert_eq!(
        found, version,
        "v{version}.sql must end with PRAGMA user_version = {version};"
    );
    let app_id: i64 = pragma(&conn, "application_id");
    assert_eq!(
        app_id, APPLICATION_ID,
        "v{version}.sql must set the application_id"
    );
    path
}

fn pragma<T: nestling_store::rusqlite::types::FromSql>(conn: &Connection, name: &str) -> T {
    conn.pragma_query_value(None, name, |row| row.get(0))
        .expect("pragma readable")
}

/// Tables whose rows are data: not SQLite's own, not full-text indexes or their shadow tables
/// (derived from the notes, and free to be rebuilt by a migration; searches check them).
fn data_tables(conn: &Connection) -> Vec<String> {
    let names = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).expect("schema query");
        let rows = stmt.query_map([], |row| row.get(0)).expect("schema rows");
        rows.map(|r| r.expect("name")).collect()
    };
    let virtual_tables = names(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
    );
    names("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .into_iter()
        .filter(|t| {
            !virtual_tables
                .iter()
                .any(|v| t == v || t.starts_with(&format!("{v}_")))
        })
        .collect()
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT name FROM pragma_table_xinfo('{table}') WHERE hidden != 1"
        ))
        .expect("columns query");
    let rows = stmt.query_map([], |row| row.get(0)).expect("columns");
    rows.map(|r| r.expect("column")).collect()
}

/// Every row of `table`, reading only `cols`, in a stable order.
fn rows(conn: &Connection, table: &str, cols: &[String]) -> Vec<Vec<Value>> {
    let list: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
    let sql = format!("SELECT {} FROM \"{table}\"", list.join(", "));
    let mut stmt = conn
        .prepare(&sql)
        .unwrap_or_else(|err| panic!("table {table} lost a column after the upgrade: {err}"));
    let mut found: Vec<Vec<Value>> = stmt
        .query_map([], |row| (0..cols.len()).map(|i| row.get(i)).collect())
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect();
    found.sort_by_key(|row| format!("{row:?}"));
    found
}

fn snapshot(conn: &Connection) -> Snapshot {
    data_tables(conn)
        .into_iter()
        .map(|table| {
            let cols = columns(conn, &table);
            let found = rows(conn, &table, &cols);
            (table, (cols, found))
        })
        .collect()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
            row.get(0)
        })
        .expect("count")
}

fn text(store: &Store, sql: &str) -> String {
    store
        .conn()
        .query_row(sql, [], |row| row.get(0))
        .unwrap_or_else(|err| panic!("{sql}: {err}"))
}

fn integer(store: &Store, sql: &str) -> Option<i64> {
    store
        .conn()
        .query_row(sql, [], |row| row.get(0))
        .unwrap_or_else(|err| panic!("{sql}: {err}"))
}

fn ids(store: &Store, sql: &str) -> Vec<i64> {
    let mut stmt = store.conn().prepare(sql).expect("query");
    let found = stmt.query_map([], |row| row.get(0)).expect("rows");
    found.map(|r| r.expect("id")).collect()
}

fn strings(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store.conn().prepare(sql).expect("query");
    let found = stmt.query_map([], |row| row.get(0)).expect("rows");
    found.map(|r| r.expect("text")).collect()
}

/// Loads fixture `version`, snapshots it, upgrades it with the store and checks the generic
/// survival of every row; returns the open store for the specific checks.
fn upgrade(version: u32, dir: &Path) -> Store {
    let path = load_fixture(version, dir);
    let before = snapshot(&Connection::open(&path).expect("fixture file"));
    assert!(!before.is_empty(), "v{version}.sql holds no tables");
    let store = Store::open_file(&path)
        .unwrap_or_else(|err| panic!("the v{version} fixture does not open: {err}"));
    assert_eq!(store.schema_version().expect("version"), latest_version());
    assert_sound(&store, version);
    let changed = changed_tables(&before, store.conn());
    assert!(
        changed.is_empty(),
        "rows of {changed:?} changed while upgrading from v{version}. If a migration transforms \
         a table on purpose, check the transformed values in the specific checks of \
         tests/upgrades.rs and leave that table out of the generic comparison, saying why."
    );
    store
}

/// The tables of `before` whose rows, read column by column as they were, are not all still
/// in `conn` with the same values.
fn changed_tables(before: &Snapshot, conn: &Connection) -> Vec<String> {
    before
        .iter()
        .filter(|(table, (cols, old_rows))| &rows(conn, table, cols) != old_rows)
        .map(|(table, _)| table.clone())
        .collect()
}

fn assert_sound(store: &Store, version: u32) {
    assert_eq!(
        text(store, "PRAGMA integrity_check"),
        "ok",
        "from v{version}"
    );
    assert!(
        ids(store, "SELECT 1 FROM pragma_foreign_key_check").is_empty(),
        "from v{version}"
    );
    let app_id: i64 = pragma(store.conn(), "application_id");
    assert_eq!(app_id, APPLICATION_ID);
    assert_daily_sums_add_up(store, version);
}

/// The daily sums hold every live moment once per scope, baby and kind: added up over the days,
/// they give the moments' own counts and rounded minutes.
fn assert_daily_sums_add_up(store: &Store, version: u32) {
    let sums = |clause: &str| {
        strings(
            store,
            &format!(
                "SELECT ifnull(sum(moments), 0) || ' ' || ifnull(sum(minutes), 0)
                   FROM moment_day WHERE {clause}"
            ),
        )
    };
    let live = |clause: &str| {
        strings(
            store,
            &format!(
                "SELECT count(*) || ' ' || ifnull(sum((ifnull(ended_at - started_at, 0) + 30) / 60), 0)
                   FROM moment WHERE deleted_at IS NULL AND {clause}"
            ),
        )
    };
    let cases = [
        ("scope = 0 AND baby = -1 AND kind_id = ''", "1"),
        ("scope = 0 AND baby = -1 AND kind_id <> ''", "1"),
        ("scope = 1 AND baby = -1 AND kind_id = ''", "private = 0"),
        ("scope = 0 AND baby = 1 AND kind_id = ''", "baby_id = 1"),
        (
            "scope = 1 AND baby = 2 AND kind_id <> ''",
            "baby_id = 2 AND private = 0",
        ),
    ];
    for (in_sums, in_moments) in cases {
        assert_eq!(
            sums(in_sums),
            live(in_moments),
            "from v{version}: {in_sums}"
        );
    }
}

/// What the v1 fixture holds, and every later fixture too.
fn assert_v1_rows(store: &Store) {
    assert_eq!(count(store, "setting"), 2);
    let read = settings::get_all(store.conn()).expect("settings readable");
    assert_eq!(read.theme, Theme::Night);
    assert_eq!(read.text_size, TextSize::Large);
}

/// What the v2 fixture added (the journal), kept by every later fixture.
fn assert_v2_rows(store: &Store) {
    assert_v2_counts(store);
    assert_v2_babies_and_kinds(store);
    assert_v2_moments(store);
    assert_v2_labels_and_timers(store);
    assert_v2_search(store);
}

fn assert_v2_counts(store: &Store) {
    let expected = [
        ("baby", 3),
        ("moment_kind", 11),
        ("moment_kind_detail", 4),
        ("feeling_word", 14),
        ("moment", 9),
        ("moment_feeling", 10),
        ("moment_tag", 7),
        ("timer", 3),
    ];
    for (table, n) in expected {
        assert_eq!(count(store, table), n, "rows in {table}");
    }
}

fn assert_v2_babies_and_kinds(store: &Store) {
    assert_eq!(text(store, "SELECT name FROM baby WHERE id = 2"), "مريم");
    assert_eq!(
        text(store, "SELECT name FROM baby WHERE id = 3"),
        "Little bean 🌱"
    );
    assert_eq!(
        integer(store, "SELECT archived_at FROM baby WHERE id = 3"),
        Some(1_772_000_000)
    );
    assert_eq!(
        integer(store, "SELECT birth_date IS NULL FROM baby WHERE id = 3"),
        Some(1)
    );
    assert_eq!(
        text(store, "SELECT birth_date FROM baby WHERE id = 1"),
        "2026-02-10"
    );
    assert_eq!(
        strings(
            store,
            "SELECT id FROM moment_kind WHERE built_in = 0 ORDER BY position"
        ),
        ["custom_1", "custom_2"]
    );
    assert_eq!(
        text(store, "SELECT emoji FROM moment_kind WHERE id = 'custom_1'"),
        "👐"
    );
    assert_eq!(
        integer(
            store,
            "SELECT hidden FROM moment_kind WHERE id = 'custom_2'"
        ),
        Some(1)
    );
    assert_eq!(
        strings(
            store,
            "SELECT word FROM feeling_word WHERE built_in = 0 ORDER BY position"
        ),
        ["hopeful", "wobbly"]
    );
}

fn assert_v2_moments(store: &Store) {
    let note = |id: i64| text(store, &format!("SELECT note FROM moment WHERE id = {id}"));
    assert_eq!(
        note(1),
        "First long skin-to-skin 🫂 she fell asleep on my chest 💤"
    );
    assert_eq!(note(2), "شعرت بالهدوء والقرب منها — רגע של שקט");
    assert_eq!(note(3), "夜中のおむつ替え\nsecond line,\ttabbed");
    assert_eq!(
        note(6),
        "<b>not bold</b> & \"quotes\" 'single' café naïve 👩‍👩‍👧 ✌🏽"
    );
    assert_eq!(note(4), "I felt nothing, and that scared me.");
    assert_eq!(note(5), "Rocked to sleep by the window");
    assert_eq!(note(7), "");
    assert_eq!(note(9), "Private and in the trash: a bath that went badly");
    assert_eq!(
        note(8),
        format!("Sang the whole lullaby twice. {}", "la la ".repeat(400))
    );
    let list = |sql: &str| ids(store, sql);
    assert_eq!(
        list("SELECT id FROM moment WHERE private = 1 ORDER BY id"),
        [4, 8, 9]
    );
    assert_eq!(
        list("SELECT id FROM moment WHERE deleted_at IS NOT NULL ORDER BY id"),
        [5, 9]
    );
    assert_eq!(
        text(store, "SELECT caregiver FROM moment WHERE id = 3"),
        "Nana Zoë"
    );
    assert_eq!(
        text(store, "SELECT detail FROM moment WHERE id = 2"),
        "breast_left"
    );
    assert_eq!(
        integer(store, "SELECT ended_at FROM moment WHERE id = 1"),
        Some(1_772_347_500)
    );
    assert_eq!(
        integer(store, "SELECT ended_at FROM moment WHERE id = 3"),
        None
    );
    assert_eq!(
        integer(store, "SELECT utc_offset FROM moment WHERE id = 7"),
        Some(-18_000)
    );
    // Logged at 12:00 UTC on a clock 14 hours ahead: the next local day.
    assert_eq!(
        text(store, "SELECT local_date FROM moment WHERE id = 8"),
        "2026-03-03"
    );
    assert_eq!(
        text(store, "SELECT local_date FROM moment WHERE id = 7"),
        "2026-03-02"
    );
}

fn assert_v2_labels_and_timers(store: &Store) {
    let words = |id: i64| {
        let sql =
            format!("SELECT word FROM moment_feeling WHERE moment_id = {id} ORDER BY position");
        strings(store, &sql)
    };
    assert_eq!(words(4), ["numb", "anxious", "guilty"]);
    assert_eq!(words(2), ["hopeful"]);
    let tags = |id: i64| {
        let sql = format!("SELECT tag FROM moment_tag WHERE moment_id = {id} ORDER BY position");
        strings(store, &sql)
    };
    assert_eq!(tags(1), ["morning", "hospital"]);
    assert_eq!(tags(6), ["ممتاز", "evening"]);
    assert_eq!(
        strings(store, "SELECT kind_id FROM timer ORDER BY id"),
        ["skin_to_skin", "feeding", "custom_1"]
    );
    assert_eq!(
        text(store, "SELECT caregiver FROM timer WHERE id = 2"),
        "Nana Zoë"
    );
    assert_eq!(
        integer(store, "SELECT baby_id FROM timer WHERE id = 3"),
        None
    );
}

fn assert_v2_search(store: &Store) {
    let hits = |query: &str| {
        let sql =
            format!("SELECT rowid FROM moment_fts WHERE moment_fts MATCH '{query}' ORDER BY rowid");
        ids(store, &sql)
    };
    assert_eq!(hits("lullaby"), [8]);
    assert_eq!(hits("cafe"), [6], "diacritics are folded");
    assert_eq!(hits("بالهدوء"), [2]);
    assert_eq!(hits("window"), [5], "moments in the trash stay indexed");
    store
        .conn()
        .execute(
            "INSERT INTO moment_fts (moment_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the full-text index matches the notes");
}

/// What the v3 fixture added (the library's reading state and imports).
fn assert_v3_rows(store: &Store) {
    let expected = [
        ("reading_progress", 3),
        ("reading_bookmark", 2),
        ("reading_highlight", 3),
        ("reading_recent", 3),
        ("imported_article", 2),
    ];
    for (table, n) in expected {
        assert_eq!(count(store, table), n, "rows in {table}");
    }
    let fraction: f64 = store
        .conn()
        .query_row(
            "SELECT fraction FROM reading_progress WHERE slug = 'acting-before-feeling'",
            [],
            |row| row.get(0),
        )
        .expect("progress");
    assert_eq!(fraction, 0.42);
    assert_v3_values(store);
}

fn assert_v3_values(store: &Store) {
    assert_eq!(
        strings(store, "SELECT slug FROM reading_bookmark ORDER BY slug"),
        ["bonding-for-partners", "night-notes"]
    );
    assert_eq!(
        text(store, "SELECT note FROM reading_highlight WHERE id = 2"),
        "This is me — هذا أنا 💛"
    );
    assert_eq!(
        integer(
            store,
            "SELECT text_offset FROM reading_highlight WHERE id = 2"
        ),
        Some(118)
    );
    assert_eq!(
        integer(
            store,
            "SELECT note IS NULL FROM reading_highlight WHERE id = 1"
        ),
        Some(1)
    );
    assert_eq!(
        text(store, "SELECT note FROM reading_highlight WHERE id = 3"),
        "Read again at 3 a.m.\nIt helped."
    );
    assert_eq!(
        strings(
            store,
            "SELECT slug FROM reading_recent ORDER BY opened_at DESC"
        ),
        [
            "bonding-for-partners",
            "night-notes",
            "acting-before-feeling"
        ]
    );
    let markdown = text(
        store,
        "SELECT markdown FROM imported_article WHERE slug = 'night-notes'",
    );
    assert!(
        markdown.starts_with("+++\ntitle = \"Night notes\"\n"),
        "front matter kept"
    );
    assert!(markdown.ends_with("Rest when you can. 🌙\n"));
    assert_eq!(
        integer(
            store,
            "SELECT deleted_at FROM imported_article WHERE slug = 'old-draft'"
        ),
        Some(1_772_595_000)
    );
}

/// What the v4 fixture added (notes being written).
fn assert_v4_rows(store: &Store) {
    assert_eq!(count(store, "note_draft"), 3, "rows in note_draft");
    assert_eq!(
        text(store, "SELECT note FROM note_draft WHERE key = 'new'"),
        "She held my finger for the first time\nand I"
    );
    assert_eq!(
        text(store, "SELECT note FROM note_draft WHERE key = '2'"),
        "ليلة طويلة، لكنها ابتسمت 👨\u{200d}👩\u{200d}👧\t<b>not bold</b>"
    );
    assert_eq!(
        text(store, "SELECT note FROM note_draft WHERE key = '999'"),
        ""
    );
    assert_eq!(
        integer(store, "SELECT updated_at FROM note_draft WHERE key = '2'"),
        Some(1_772_600_060)
    );
}

/// What the v5 fixture added (the parent's care team).
fn assert_v5_rows(store: &Store) {
    assert_eq!(count(store, "care_contact"), 4, "rows in care_contact");
    assert_eq!(
        text(store, "SELECT name FROM care_contact WHERE id = 2"),
        "د. ليلى حداد 👩\u{200d}⚕️"
    );
    assert_eq!(
        text(store, "SELECT phone FROM care_contact WHERE id = 2"),
        ""
    );
    assert_eq!(
        text(store, "SELECT notes FROM care_contact WHERE id = 1"),
        "Tuesdays and Thursdays\nAsk for the community team"
    );
    assert_eq!(
        integer(store, "SELECT length(notes) FROM care_contact WHERE id = 3"),
        Some(1984)
    );
    assert_eq!(
        strings(store, "SELECT role FROM care_contact ORDER BY position"),
        vec!["midwife", "therapist", "partner", "other"]
    );
}

/// What the v6 fixture added (the check-in).
fn assert_v6_rows(store: &Store) {
    assert_eq!(count(store, "check_in"), 6, "rows in check_in");
    let note = |id: i64| text(store, &format!("SELECT note FROM check_in WHERE id = {id}"));
    assert_eq!(
        note(1),
        "يوم هادئ 🌤️ — יום שקט\nHolding her felt easy today 👨\u{200d}👩\u{200d}👧\tand I slept a bit"
    );
    assert_eq!(
        note(3),
        "<script>alert('x')</script> <b>not bold</b> & \"quotes\""
    );
    assert_eq!(
        integer(store, "SELECT length(note) FROM check_in WHERE id = 5"),
        Some(5039)
    );
    assert_eq!(
        ids(
            store,
            "SELECT id FROM check_in WHERE note IS NULL ORDER BY id"
        ),
        [2, 6]
    );
    assert_v6_answers(store);
    assert_v6_days_and_flags(store);
}

fn assert_v7_rows(store: &Store) {
    let partner = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    assert_eq!(count(store, "sync_pair"), 1, "rows in sync_pair");
    assert_eq!(
        text(store, "SELECT partner_name FROM sync_pair"),
        "Noor نور"
    );
    assert_eq!(count(store, "sync_doc"), 2, "rows in sync_doc");
    let where_ids = |clause: &str| {
        ids(
            store,
            &format!("SELECT id FROM moment WHERE {clause} ORDER BY id"),
        )
    };
    assert_eq!(where_ids(&format!("author = '{partner}'")), [5, 7]);
    assert_eq!(where_ids("share_feelings = 1"), [1, 5]);
    assert_eq!(
        text(store, "SELECT uid FROM moment WHERE id = 7"),
        "019cb0e4-a360-7000-b000-0000000000bb"
    );
    assert_eq!(
        text(store, "SELECT uid FROM moment_kind WHERE id = 'custom_2'"),
        "019c57d4-f4a0-7000-9000-00000000c0de"
    );
    assert_eq!(
        text(store, "SELECT author FROM timer WHERE id = 3"),
        partner
    );
    assert_eq!(
        strings(
            store,
            "SELECT entity || ' ' || uid FROM sync_pending ORDER BY 1"
        ),
        [
            "baby 019c1c38-a400-7abc-8def-0123456789ab",
            "kind 019c57d4-f4a0-7000-9000-00000000c0de",
            &format!(
                "moment {}",
                text(store, "SELECT uid FROM moment WHERE id = 1")
            ),
            &format!(
                "moment {}",
                text(store, "SELECT uid FROM moment WHERE id = 5")
            ),
            "moment 019cb0e4-a360-7000-b000-0000000000bb",
            &format!(
                "timer {}",
                text(store, "SELECT uid FROM timer WHERE id = 3")
            ),
        ]
    );
}

fn assert_v6_answers(store: &Store) {
    assert_eq!(
        strings(
            store,
            "SELECT ifnull(safety, '-') FROM check_in ORDER BY id"
        ),
        [
            "no",
            "-",
            "might_act",
            "unwanted_thoughts",
            "prefer_not",
            "no"
        ]
    );
    assert_eq!(
        strings(
            store,
            "SELECT ifnull(supported, '-') FROM check_in ORDER BY id"
        ),
        ["yes", "-", "no", "somewhat", "somewhat", "no"]
    );
    let answers = |id: i64| {
        let sql =
            format!("SELECT mood, closeness, worry, sleep_minutes FROM check_in WHERE id = {id}");
        store
            .conn()
            .query_row(&sql, [], |row| {
                Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?])
            })
            .expect("answers")
    };
    let answers: [[Option<i64>; 4]; 3] = [answers(1), answers(2), answers(6)];
    assert_eq!(
        answers,
        [
            [Some(4), Some(5), Some(2), Some(390)],
            [Some(2), None, None, None],
            [Some(5), Some(5), Some(1), Some(1440)]
        ]
    );
}

fn assert_v6_days_and_flags(store: &Store) {
    // Taken at 12:00 UTC on a clock 14 hours ahead: the next local day.
    assert_eq!(
        text(store, "SELECT local_date FROM check_in WHERE id = 5"),
        "2026-03-08"
    );
    // Taken at 10:00 UTC on a clock 12 hours behind: the day before.
    assert_eq!(
        text(store, "SELECT local_date FROM check_in WHERE id = 6"),
        "2026-03-07"
    );
    assert_eq!(
        ids(
            store,
            "SELECT id FROM check_in WHERE in_report = 1 ORDER BY id"
        ),
        [1, 4, 5]
    );
    assert_eq!(
        ids(
            store,
            "SELECT id FROM check_in WHERE deleted_at IS NOT NULL ORDER BY id"
        ),
        [4]
    );
    assert_eq!(
        integer(store, "SELECT updated_at FROM check_in WHERE id = 3"),
        Some(1_772_772_900)
    );
}

/// What the v8 fixture holds: the v7 moments added up per day. On 2026-03-01, five live moments
/// (the partner's trashed moment 5 is not one), of which one is private; ratings only of moments
/// written on this computer.
fn assert_v8_rows(store: &Store) {
    let row = |clause: &str| {
        strings(
            store,
            &format!(
                "SELECT moments || ' ' || minutes || ' ' || me || partner || other || ' '
                        || connection_1 || connection_2 || connection_3 || connection_4
                        || connection_5 || ' ' || energy_count || ' ' || energy_sum
                   FROM moment_day WHERE day = unixepoch('2026-03-01') / 86400 AND {clause}"
            ),
        )
    };
    assert_eq!(
        row("scope = 0 AND baby = -1 AND kind_id = ''"),
        ["5 80 311 10021 4 10"]
    );
    assert_eq!(
        row("scope = 1 AND baby = -1 AND kind_id = ''"),
        ["4 80 211 00021 3 9"]
    );
    assert_eq!(
        row("scope = 0 AND baby = 2 AND kind_id = 'feeding'"),
        ["1 20 010 00010 1 3"]
    );
    assert!(
        row("kind_id = 'rocking'").is_empty(),
        "moment 5 is in the trash"
    );
    let from_partner = strings(
        store,
        "SELECT moments || ' ' || (connection_1 + connection_2 + connection_3 + connection_4)
                || ' ' || energy_count
           FROM moment_day WHERE scope = 0 AND baby = -1 AND kind_id = 'custom_2'",
    );
    assert_eq!(
        from_partner,
        ["1 0 0"],
        "moment 7 counts, with no ratings of its own"
    );
}

/// The hand-written checks that apply to fixture `version`: its own rows and its elders'.
fn assert_specific_rows(store: &Store, version: u32) {
    let checks: [(u32, Check); 9] = [
        (1, assert_v1_rows),
        (2, assert_v2_rows),
        (3, assert_v3_rows),
        (4, assert_v4_rows),
        (5, assert_v5_rows),
        (6, assert_v6_rows),
        (7, assert_v7_rows),
        (8, assert_v8_rows),
        (9, assert_v9_rows),
    ];
    for (since, check) in checks {
        if version >= since {
            check(store);
        }
    }
}

#[test]
fn every_schema_version_has_a_fixture() {
    for version in 1..=latest_version() {
        let path = fixture_path(version);
        assert!(
            path.is_file(),
            "schema version {version} has no upgrade fixture at {}. Add one before landing the \
             migration: run migrations 0001 to {version:04} into a scratch database with the \
             sqlite3 shell, insert representative rows into every table (new ones included), \
             `.dump` it to v{version}.sql, append `PRAGMA user_version = {version};` and \
             `PRAGMA application_id = 1313166164;`, then add its specific checks to \
             tests/upgrades.rs. Step by step: tests/fixtures/README.md.",
            path.display()
        );
    }
}

#[test]
fn no_fixture_is_newer_than_the_migrations() {
    let newest = fixture_versions().last().copied().unwrap_or(0);
    assert!(
        newest <= latest_version(),
        "fixture v{newest}.sql is newer than the latest migration ({})",
        latest_version()
    );
}

#[test]
fn every_fixture_upgrades_to_the_latest_version_keeping_every_row() {
    let versions = fixture_versions();
    assert!(
        !versions.is_empty(),
        "no fixtures found in {}",
        fixtures_dir().display()
    );
    for version in versions {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let store = upgrade(version, tmp.path());
        assert_specific_rows(&store, version);
    }
}

#[test]
fn the_generic_comparison_notices_a_lost_row_and_a_changed_value() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let conn = Connection::open(load_fixture(latest_version(), tmp.path())).expect("fixture");
    let before = snapshot(&conn);
    assert!(changed_tables(&before, &conn).is_empty());
    conn.execute_batch(
        "DELETE FROM moment_tag WHERE moment_id = 6 AND position = 1;
         UPDATE setting SET value = 'dark' WHERE key = 'theme';",
    )
    .expect("tamper");
    assert_eq!(changed_tables(&before, &conn), ["moment_tag", "setting"]);
}

#[test]
fn the_v1_fixture_keeps_its_settings() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(1, tmp.path());
    assert_v1_rows(&store);
    assert_eq!(count(&store, "moment"), 0, "v1 had no journal");
}

#[test]
fn the_v2_fixture_keeps_its_journal() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(2, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_eq!(
        count(&store, "reading_progress"),
        0,
        "v2 had no reading state"
    );
}

#[test]
fn the_v3_fixture_keeps_its_journal_and_reading_state() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(3, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_v3_rows(&store);
}

#[test]
fn the_v4_fixture_keeps_its_journal_reading_state_and_drafts() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(4, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_v3_rows(&store);
    assert_v4_rows(&store);
}

#[test]
fn the_v5_fixture_keeps_its_journal_reading_state_drafts_and_care_team() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(5, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_v3_rows(&store);
    assert_v4_rows(&store);
    assert_v5_rows(&store);
}

#[test]
fn the_v6_fixture_keeps_its_journal_reading_state_drafts_care_team_and_check_ins() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(6, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_v3_rows(&store);
    assert_v4_rows(&store);
    assert_v5_rows(&store);
    assert_v6_rows(&store);
}

#[test]
fn the_v7_fixture_keeps_its_journal_and_its_sharing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(7, tmp.path());
    assert_v1_rows(&store);
    assert_v2_rows(&store);
    assert_v3_rows(&store);
    assert_v4_rows(&store);
    assert_v5_rows(&store);
    assert_v6_rows(&store);
    assert_v7_rows(&store);
}

#[test]
fn the_v8_fixture_keeps_its_journal_and_its_daily_sums() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(8, tmp.path());
    assert_v7_rows(&store);
    assert_v8_rows(&store);
}

/// What the v9 fixture holds: no day held, since no exchange is under way.
fn assert_v9_rows(store: &Store) {
    assert_eq!(count(store, "moment_day_held"), 0);
}

#[test]
fn the_v9_fixture_keeps_its_journal_and_its_daily_sums() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(9, tmp.path());
    assert_v7_rows(&store);
    assert_v8_rows(&store);
    assert_v9_rows(&store);
}

/// While what arrived from the partner is written, the daily sums stand still and the days
/// touched are noted; when the writing ends, those days are added up again from their moments.
/// Checked on every journal that was sharing before its upgrade.
#[test]
fn an_exchange_holds_the_daily_sums_then_adds_the_touched_days_up_again() {
    for version in fixture_versions().into_iter().filter(|v| *v >= 7) {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let store = upgrade(version, tmp.path());
        let conn = store.conn();
        let day = |date: &str| {
            strings(
                &store,
                &format!(
                    "SELECT moments || ' ' || minutes FROM moment_day
                      WHERE scope = 0 AND baby = -1 AND kind_id = ''
                        AND day = unixepoch('{date}') / 86400"
                ),
            )
        };
        let before = day("2026-03-01");
        assert_eq!(before, ["5 80"], "from v{version}");
        conn.execute_batch(
            "UPDATE sync_pair SET applying = 1;
             UPDATE moment SET started_at = started_at + 86400, ended_at = ended_at + 86400
              WHERE id = (SELECT min(id) FROM moment
                           WHERE local_date = '2026-03-01' AND deleted_at IS NULL
                             AND ended_at IS NOT NULL);",
        )
        .expect("a moment moved to the next day");
        assert_eq!(day("2026-03-01"), before, "held, from v{version}");
        assert_eq!(
            strings(&store, "SELECT local_date FROM moment_day_held ORDER BY 1"),
            ["2026-03-01", "2026-03-02"],
            "from v{version}"
        );
        conn.execute("UPDATE sync_pair SET applying = 0", [])
            .expect("the writing ends");
        assert_eq!(count(&store, "moment_day_held"), 0, "from v{version}");
        assert_ne!(day("2026-03-01"), before, "from v{version}");
        assert_daily_sums_add_up(&store, version);
    }
}

/// Whether `uid` is a UUID version 7 made at `seconds` since the epoch.
fn is_uuid_v7_made_at(uid: &str, seconds: i64) -> bool {
    let hex: String = uid.chars().filter(|c| *c != '-').collect();
    let dashes: Vec<usize> = uid.match_indices('-').map(|(i, _)| i).collect();
    hex.len() == 32
        && dashes == [8, 13, 18, 23]
        && hex
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        && hex[..12] == format!("{:012x}", seconds * 1000)
        && &hex[12..13] == "7"
        && "89ab".contains(&hex[16..17])
}

#[test]
fn every_journal_upgraded_from_before_v7_gives_each_row_a_unique_uid_made_at_its_creation() {
    for version in [2, 5, 6] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let store = upgrade(version, tmp.path());
        let pairs = |sql: &str| -> Vec<(String, i64)> {
            let mut stmt = store.conn().prepare(sql).expect("query");
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)));
            rows.expect("rows").map(|r| r.expect("row")).collect()
        };
        let mut all = Vec::new();
        for sql in [
            "SELECT uid, created_at FROM baby",
            "SELECT uid, created_at FROM moment",
            "SELECT uid, started_at FROM timer",
            "SELECT uid, created_at FROM moment_kind WHERE built_in = 0",
        ] {
            for (uid, at) in pairs(sql) {
                assert!(is_uuid_v7_made_at(&uid, at), "v{version}: {sql}: {uid}");
                all.push(uid);
            }
        }
        assert!(all.len() >= 15, "v{version}: rows with uids: {}", all.len());
        let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
        assert_eq!(distinct.len(), all.len(), "v{version}: uids are unique");
        let rows = |sql: &str| integer(&store, &format!("SELECT count(*) FROM {sql}"));
        assert_eq!(
            rows("moment_kind WHERE built_in = 1 AND uid IS NOT id"),
            Some(0),
            "v{version}: a built-in kind's uid is its id"
        );
        assert_eq!(
            rows("moment WHERE share_feelings = 1 OR author IS NOT NULL"),
            Some(0)
        );
        assert_eq!(
            count(&store, "sync_pending"),
            0,
            "v{version}: nothing pending unpaired"
        );
    }
}

#[test]
fn a_new_row_gets_its_uid_and_counts_as_pending_only_once_a_pairing_exists() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let store = upgrade(6, tmp.path());
    let conn = store.conn();
    let add_moment = |created: i64| {
        conn.execute(
            "INSERT INTO moment (kind_id, started_at, utc_offset, who, created_at, updated_at)
             VALUES ('changing', ?1, 0, 'me', ?1, ?1)",
            [created],
        )
        .expect("moment");
        text(&store, "SELECT uid FROM moment ORDER BY id DESC LIMIT 1")
    };
    let first = add_moment(1_772_700_000);
    assert!(is_uuid_v7_made_at(&first, 1_772_700_000), "{first}");
    assert_eq!(count(&store, "sync_pending"), 0);

    conn.execute(
        "INSERT INTO sync_pair (id, secret, device_id, my_name, folder, paired_at)
         VALUES (1, zeroblob(20), 'aa', 'Sam', '/tmp/shared', 1772700000)",
        [],
    )
    .expect("pairing");
    let second = add_moment(1_772_700_100);
    conn.execute("UPDATE moment SET note = 'x' WHERE id = 1", [])
        .expect("update");
    conn.execute("DELETE FROM timer WHERE id = 1", [])
        .expect("delete");
    let pending = strings(
        &store,
        "SELECT entity || ' ' || uid FROM sync_pending ORDER BY 1",
    );
    let moment_1 = text(&store, "SELECT uid FROM moment WHERE id = 1");
    let mut expected = [format!("moment {moment_1}"), format!("moment {second}")];
    expected.sort();
    assert_eq!(pending.len(), 3, "{pending:?}");
    assert_eq!(pending[..2], expected[..]);
    assert!(pending[2].starts_with("timer "), "{pending:?}");
}

#[test]
fn every_journal_upgraded_from_before_v6_gains_an_empty_check_in_table_that_keeps_its_rules() {
    for version in [1, 2, 3, 4, 5] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let store = upgrade(version, tmp.path());
        assert_eq!(count(&store, "check_in"), 0, "v{version}");
        let insert = |values: &str| {
            store.conn().execute(
                &format!(
                    "INSERT INTO check_in (taken_at, utc_offset, created_at, updated_at, {values})"
                ),
                [],
            )
        };
        insert("mood, sleep_minutes, safety) VALUES (1772600000, 0, 1, 1, 3, 465, 'no'")
            .unwrap_or_else(|err| panic!("v{version}: a valid check-in is refused: {err}"));
        for bad in [
            "mood) VALUES (1772600000, 0, 1, 1, 6",
            "sleep_minutes) VALUES (1772600000, 0, 1, 1, 1441",
            "sleep_minutes) VALUES (1772600000, 0, 1, 1, 470",
            "safety) VALUES (1772600000, 0, 1, 1, 'maybe'",
            "note) VALUES (1772600000, 0, 1, 1, ''",
            "in_report) VALUES (1772600000, 0, 1, 1, 2",
            "worry) VALUES (946684799, 0, 1, 1, 3",
        ] {
            assert!(insert(bad).is_err(), "v{version}: {bad} is refused");
        }
        assert_eq!(
            text(&store, "SELECT local_date FROM check_in"),
            "2026-03-04",
            "v{version}"
        );
    }
}

#[test]
fn every_journal_upgraded_from_before_v5_forgets_deleted_words_in_its_search_index() {
    for version in [1, 2, 3, 4] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let store = upgrade(version, tmp.path());
        if version >= 2 {
            assert_eq!(
                integer(
                    &store,
                    "SELECT v FROM moment_fts_config WHERE k = 'secure-delete'"
                ),
                Some(1),
                "v{version}: FTS5 secure-delete is on after the upgrade"
            );
        }
    }
}

#[test]
fn an_upgraded_fixture_reopens_unchanged() {
    let newest = fixture_versions().last().copied().expect("a fixture");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = {
        let store = upgrade(newest, tmp.path());
        store.path().to_path_buf()
    };
    let first = snapshot(&Connection::open(&path).expect("file"));
    let store = Store::open_file(&path).expect("reopens");
    assert_eq!(snapshot(store.conn()), first);
}
