//! The journal's daily sums (`moment_day`), which the weekly figures of Patterns read instead of
//! every moment, are kept by the schema's triggers. Whatever sequence of writes a parent (or a
//! partner's computer) makes, they must equal the sums worked out again from the moments
//! themselves, here in plain Rust; and the weekly figures read through them must equal the
//! figures of the same moments read one by one.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nestling_journal::patterns::{self, AllTime, Facts, Giver, MomentFact, Options, Span};
use nestling_journal::testdata::{generate, Plan};
use nestling_journal::{baby, moment, trash, BabyInput, MomentInput, Who};
use nestling_store::rusqlite::Connection;
use nestling_store::Store;
use proptest::prelude::*;

/// A row's key: scope (0 all, 1 not private), baby (-1 every baby), day, kind ('' every kind).
type Key = (i64, i64, i64, String);
/// A row's sums, in the table's column order after the key.
type Sums = [i64; 12];

/// `moment_day` as it is.
fn table(conn: &Connection) -> BTreeMap<Key, Sums> {
    let mut stmt = conn
        .prepare("SELECT * FROM moment_day")
        .expect("the daily sums");
    stmt.query_map([], |row| {
        let mut sums = [0; 12];
        for (i, s) in sums.iter_mut().enumerate() {
            *s = row.get(4 + i)?;
        }
        Ok(((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?), sums))
    })
    .expect("read")
    .collect::<Result<_, _>>()
    .expect("rows")
}

/// The same sums worked out from the live moments.
fn recomputed(conn: &Connection) -> BTreeMap<Key, Sums> {
    let mut stmt = conn
        .prepare(
            "SELECT local_date, kind_id, baby_id, private, who, ended_at - started_at,
                    connection, energy, author IS NULL
               FROM moment WHERE deleted_at IS NULL",
        )
        .expect("moments");
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<i64>>(2)?,
                row.get::<_, bool>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, Option<i64>>(5)?,
                row.get::<_, Option<i64>>(6)?,
                row.get::<_, Option<i64>>(7)?,
                row.get::<_, bool>(8)?,
            ))
        })
        .expect("read")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
    let mut sums: BTreeMap<Key, Sums> = BTreeMap::new();
    for (date, kind, baby, private, who, seconds, connection, energy, own) in rows {
        let day = (date.parse::<NaiveDate>().expect("a date") - epoch).num_days();
        let mut part = [0; 12];
        part[0] = 1;
        part[1] = seconds.map_or(0, |s| (s as f64 / 60.0).round() as i64);
        part[2 + ["me", "partner", "caregiver"]
            .iter()
            .position(|w| *w == who)
            .expect("a giver")] = 1;
        if own {
            if let Some(c) = connection {
                part[4 + usize::try_from(c).expect("1 to 5")] = 1;
            }
            if let Some(e) = energy {
                part[10] = 1;
                part[11] = e;
            }
        }
        let scopes: &[i64] = if private { &[0] } else { &[0, 1] };
        let babies: Vec<i64> = std::iter::once(-1).chain(baby).collect();
        for &scope in scopes {
            for &b in &babies {
                for k in [kind.as_str(), ""] {
                    let row = sums.entry((scope, b, day, k.to_string())).or_default();
                    for (total, p) in row.iter_mut().zip(part) {
                        *total += p;
                    }
                }
            }
        }
    }
    sums
}

/// One write a parent, or the partner's computer, can make.
#[derive(Debug, Clone)]
enum Op {
    Log(Fields),
    Edit(usize, Fields),
    Trash(usize),
    Restore(usize),
    Purge(usize),
    FromPartner(usize),
    /// Sharing starts (true) or ends (false) writing what arrived: the sums are held meanwhile.
    Exchange(bool),
}

/// What a logged or edited moment says.
#[derive(Debug, Clone)]
struct Fields {
    kind: usize,
    hours: i64,
    offset_hours: i64,
    minutes: Option<i64>,
    baby: Option<usize>,
    who: usize,
    connection: Option<i64>,
    energy: Option<i64>,
    private: bool,
}

const KINDS: [&str; 4] = ["feeding", "skin_to_skin", "rocking", "changing"];

fn fields() -> impl Strategy<Value = Fields> {
    (
        (
            0..KINDS.len(),
            0..24 * 10i64,
            -12..=14i64,
            prop::option::of(0..600i64),
        ),
        (prop::option::of(0..2usize), 0..3usize),
        (
            prop::option::of(1..=5i64),
            prop::option::of(1..=5i64),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((kind, hours, offset_hours, minutes), (baby, who), (connection, energy, private))| {
                Fields {
                    kind,
                    hours,
                    offset_hours,
                    minutes,
                    baby,
                    who,
                    connection,
                    energy,
                    private,
                }
            },
        )
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => fields().prop_map(Op::Log),
        3 => (any::<usize>(), fields()).prop_map(|(i, f)| Op::Edit(i, f)),
        2 => any::<usize>().prop_map(Op::Trash),
        1 => any::<usize>().prop_map(Op::Restore),
        1 => any::<usize>().prop_map(Op::Purge),
        1 => any::<usize>().prop_map(Op::FromPartner),
        2 => any::<bool>().prop_map(Op::Exchange),
    ]
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0)
        .single()
        .expect("now")
}

fn input(f: &Fields, babies: &[i64]) -> MomentInput {
    let started_at = Utc
        .with_ymd_and_hms(2024, 5, 6, 0, 0, 0)
        .single()
        .expect("start")
        + Duration::hours(f.hours)
        + Duration::seconds(17);
    MomentInput {
        kind_id: KINDS[f.kind].into(),
        started_at,
        utc_offset_seconds: f.offset_hours * 3600,
        ended_at: f.minutes.map(|m| started_at + Duration::seconds(m * 61)),
        baby_id: f.baby.map(|b| babies[b]),
        who: match f.who {
            0 => Who::Me,
            1 => Who::Partner,
            _ => Who::Caregiver("Nana".into()),
        },
        connection: f.connection,
        energy: f.energy,
        private: f.private,
        ..MomentInput::default()
    }
}

/// Runs `ops` on a journal that shares with a partner when `paired`. An exchange left under way
/// at the end is ended, as sharing always does in the same transaction.
fn run(store: &Store, ops: &[Op], paired: bool) {
    let conn = store.conn();
    if paired {
        conn.execute(
            "INSERT INTO sync_pair (id, secret, device_id, my_name, folder, paired_at)
             VALUES (1, zeroblob(20), 'd', 'Sam', '/nowhere', 0)",
            [],
        )
        .expect("paired");
    }
    let exchange = |on: bool| {
        conn.execute("UPDATE sync_pair SET applying = ?1", [on])
            .expect("an exchange starts or ends");
    };
    let babies: Vec<i64> = ["Ada", "Ben"]
        .iter()
        .map(|name| {
            let input = BabyInput {
                name: (*name).into(),
                ..BabyInput::default()
            };
            baby::add(conn, &input, now()).expect("baby").id
        })
        .collect();
    let mut ids: Vec<i64> = Vec::new();
    for op in ops {
        let pick = |i: &usize| (!ids.is_empty()).then(|| ids[i % ids.len()]);
        // A refused write (a moment in the trash, one already purged) changes nothing, which
        // the comparison checks like any other.
        match op {
            Op::Log(f) => ids.push(
                moment::insert(conn, &input(f, &babies), now())
                    .expect("logged")
                    .id,
            ),
            Op::Edit(i, f) => {
                if let Some(id) = pick(i) {
                    let _ = moment::update(conn, id, &input(f, &babies), now());
                }
            }
            Op::Trash(i) => {
                if let Some(id) = pick(i) {
                    let _ = trash::soft_delete(conn, id, now());
                }
            }
            Op::Restore(i) => {
                if let Some(id) = pick(i) {
                    let _ = trash::restore(conn, id, now());
                }
            }
            Op::Purge(i) => {
                if let Some(id) = pick(i) {
                    let _ = trash::purge(conn, id);
                }
            }
            Op::FromPartner(i) => {
                if let Some(id) = pick(i) {
                    conn.execute(
                        "UPDATE moment SET author = 'a1b2c3d4e5f60718293a4b5c6d7e8f90' WHERE id = ?1",
                        [id],
                    )
                    .expect("from the partner");
                }
            }
            Op::Exchange(on) => exchange(*on),
        }
    }
    exchange(false);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_daily_sums_always_equal_the_moments_added_up_again(
        ops in prop::collection::vec(op(), 1..40),
        paired in any::<bool>(),
    ) {
        let store = Store::open_in_memory().expect("journal");
        run(&store, &ops, paired);
        prop_assert_eq!(table(store.conn()), recomputed(store.conn()));
    }
}

/// Every live moment read one by one, as the figures counted them before the daily sums.
fn moment_facts(conn: &Connection) -> Vec<MomentFact> {
    let mut stmt = conn
        .prepare(
            "SELECT local_date, kind_id, ended_at - started_at, iif(author IS NULL, connection, NULL),
                    iif(author IS NULL, energy, NULL), who, baby_id, private
               FROM moment WHERE deleted_at IS NULL",
        )
        .expect("moments");
    stmt.query_map([], |row| {
        let seconds: Option<i64> = row.get(2)?;
        Ok(MomentFact {
            local_date: row.get::<_, String>(0)?.parse().expect("a date"),
            kind_id: row.get(1)?,
            minutes: seconds.map_or(0, |s| (s + 30).div_euclid(60)),
            connection: row.get(3)?,
            energy: row.get(4)?,
            giver: match row.get::<_, String>(5)?.as_str() {
                "me" => Giver::Me,
                "partner" => Giver::Partner,
                _ => Giver::Other,
            },
            baby_id: row.get(6)?,
            private: row.get(7)?,
        })
    })
    .expect("read")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn weekly_figures_through_the_daily_sums_equal_those_of_every_moment_read_one_by_one() {
    let store = Store::open_in_memory().expect("journal");
    let plan = Plan {
        moments: 3_000,
        years: 2,
        ..Plan::default()
    };
    let made = generate(store.conn(), &plan).expect("generated");
    store
        .conn()
        .execute(
            "UPDATE moment SET author = 'a1b2c3d4e5f60718293a4b5c6d7e8f90' WHERE id % 7 = 0",
            [],
        )
        .expect("some from the partner");
    assert_eq!(table(store.conn()), recomputed(store.conn()));

    let today = made.now.date_naive();
    let everything = moment_facts(store.conn());
    let spans = [
        Span::All(AllTime::All),
        Span::Weeks { weeks: 4 },
        Span::Between {
            from: plan.first_day + Duration::days(200),
            to: plan.first_day + Duration::days(300),
        },
    ];
    let mut options = vec![
        Options {
            include_private: true,
            ..Options::default()
        },
        Options::default(),
        Options {
            kind_id: Some("skin_to_skin".into()),
            include_private: true,
            ..Options::default()
        },
    ];
    for &id in &made.baby_ids {
        options.push(Options {
            baby_id: Some(id),
            include_private: true,
            ..Options::default()
        });
        options.push(Options {
            baby_id: Some(id),
            kind_id: Some("feeding".into()),
            ..Options::default()
        });
    }
    let first = patterns::first_day(store.conn()).expect("first day");
    for span in spans {
        let period = span.period(today, first).expect("period");
        for o in &options {
            let through_sums = patterns::patterns(store.conn(), span, o, today).expect("figures");
            // The same kinds and check-ins, with every moment in place of the daily sums.
            let facts = Facts {
                moments: everything.clone(),
                kind_days: Vec::new(),
                day_ratings: Vec::new(),
                ..patterns::facts(store.conn(), &period, o).expect("facts")
            };
            let one_by_one = patterns::weekly(&facts, &period, o);
            assert_eq!(through_sums, one_by_one, "{span:?} {o:?}");
            if matches!(span, Span::All(_)) && o.baby_id.is_none() {
                assert!(through_sums.weeks.iter().any(|w| w.moments > 0), "{o:?}");
            }
        }
    }
}
