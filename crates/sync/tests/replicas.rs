//! Three computers sharing one journal: random changes on each, exchanged in random order with
//! duplicates and delays, end with the same shared journal on every computer, and what was
//! kept private or unshared never leaves its author's computer.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use nestling_journal::shared::{self, Entity};
use nestling_journal::{
    baby, kind, moment, timer, trash, BabyInput, KindInput, MomentInput, TimerInput, Who,
};
use nestling_store::rusqlite::Connection;
use nestling_store::Store;
use nestling_sync::Replica;
use proptest::prelude::*;

const KINDS: [&str; 4] = ["skin_to_skin", "feeding", "changing", "rocking"];

/// One computer: its journal, its document, and what it has sent so far.
struct Computer {
    store: Store,
    replica: Replica,
    me: String,
    /// Notes that must never leave this computer: (uid, note), for private or unshared moments.
    secrets: Vec<(String, String)>,
}

fn device(n: usize) -> String {
    format!("{:032x}", n + 1)
}

fn clock(step: usize) -> DateTime<Utc> {
    let base = Utc
        .with_ymd_and_hms(2026, 3, 1, 8, 0, 0)
        .single()
        .expect("a time");
    base + Duration::minutes(step as i64 * 7)
}

impl Computer {
    fn new(n: usize) -> Computer {
        let store = Store::open_in_memory().expect("journal");
        let me = device(n);
        store
            .conn()
            .execute(
                "INSERT INTO sync_pair (id, secret, device_id, my_name, folder, paired_at)
                 VALUES (1, zeroblob(20), ?1, 'test', '/nowhere', 0)",
                [&me],
            )
            .expect("paired");
        let replica = Replica::open(store.conn(), &me).expect("replica");
        Computer {
            store,
            replica,
            me,
            secrets: Vec::new(),
        }
    }

    fn conn(&self) -> &Connection {
        self.store.conn()
    }

    /// The local ids of moments, live and in the trash, in order.
    fn moment_ids(&self) -> Vec<i64> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id FROM moment ORDER BY id")
            .expect("q");
        let ids = stmt.query_map([], |r| r.get(0)).expect("ids");
        ids.map(|r| r.expect("id")).collect()
    }

    fn pick(&self, n: usize) -> Option<i64> {
        let ids = self.moment_ids();
        (!ids.is_empty()).then(|| ids[n % ids.len()])
    }

    fn own_kinds(&self) -> Vec<String> {
        let kinds = kind::list(self.conn()).expect("kinds");
        kinds
            .into_iter()
            .filter(|k| !k.built_in)
            .map(|k| k.id)
            .collect()
    }

    fn babies(&self) -> Vec<i64> {
        baby::list(self.conn())
            .expect("babies")
            .iter()
            .map(|b| b.id)
            .collect()
    }

    /// Records what changed, then cuts a message holding the whole document (a later message
    /// repeats earlier ones: duplicates are part of the game).
    fn message(&mut self) -> Vec<u8> {
        self.replica.record(self.store.conn()).expect("recorded");
        self.replica.changes_since(&[])
    }
}

#[derive(Debug, Clone)]
enum Op {
    Log {
        kind: usize,
        private: bool,
        share: bool,
        baby: bool,
    },
    EditCare {
        pick: usize,
        minutes: i64,
        partner: bool,
    },
    EditFeelings {
        pick: usize,
    },
    Share {
        pick: usize,
        share: bool,
    },
    Private {
        pick: usize,
        private: bool,
    },
    Trash {
        pick: usize,
    },
    Restore {
        pick: usize,
    },
    Purge {
        pick: usize,
    },
    StartTimer {
        kind: usize,
        baby: bool,
    },
    StopTimer {
        pick: usize,
    },
    AddBaby,
    AddKind,
    Send,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..KINDS.len(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(kind, private, share, baby)| Op::Log { kind, private, share, baby }),
        2 => (any::<usize>(), 1..90i64, any::<bool>())
            .prop_map(|(pick, minutes, partner)| Op::EditCare { pick, minutes, partner }),
        2 => any::<usize>().prop_map(|pick| Op::EditFeelings { pick }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, share)| Op::Share { pick, share }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, private)| Op::Private { pick, private }),
        1 => any::<usize>().prop_map(|pick| Op::Trash { pick }),
        1 => any::<usize>().prop_map(|pick| Op::Restore { pick }),
        1 => any::<usize>().prop_map(|pick| Op::Purge { pick }),
        1 => (0..2usize, any::<bool>()).prop_map(|(kind, baby)| Op::StartTimer { kind, baby }),
        1 => any::<usize>().prop_map(|pick| Op::StopTimer { pick }),
        1 => Just(Op::AddBaby),
        1 => Just(Op::AddKind),
        3 => Just(Op::Send),
    ]
}

/// A step: which computer acts, what it does, and which earlier message is delivered where.
#[derive(Debug, Clone)]
struct Step {
    who: usize,
    op: Op,
    deliver: Option<(usize, usize)>,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0..3usize,
        op(),
        proptest::option::of((any::<usize>(), 0..3usize)),
    )
        .prop_map(|(who, op, deliver)| Step { who, op, deliver })
}

fn act(c: &mut Computer, op: &Op, n: usize, now: DateTime<Utc>) -> Option<Vec<u8>> {
    let conn = c.store.conn();
    // Refusals (a second timer, an edit of a moment in the trash…) are part of the game.
    match op {
        Op::Log {
            kind,
            private,
            share,
            baby,
        } => {
            let note = format!("[note-{}-{n}] 🌙", c.me);
            let mut kinds: Vec<String> = KINDS.iter().map(|k| (*k).to_owned()).collect();
            kinds.extend(c.own_kinds());
            let input = MomentInput {
                kind_id: kinds[(kind + n) % kinds.len()].clone(),
                started_at: now - Duration::hours(2),
                utc_offset_seconds: 3600,
                ended_at: Some(now - Duration::hours(1)),
                baby_id: if *baby {
                    c.babies().first().copied()
                } else {
                    None
                },
                connection: Some(3),
                feelings: vec!["calm".into()],
                note: note.clone(),
                private: *private,
                ..MomentInput::default()
            };
            if let Ok(m) = moment::insert(conn, &input, now) {
                let _ = moment::set_share_feelings(conn, m.id, *share, now);
                let uid: String = conn
                    .query_row("SELECT uid FROM moment WHERE id = ?1", [m.id], |r| r.get(0))
                    .expect("uid");
                if *private || !*share {
                    c.secrets.push((uid, note));
                }
            }
        }
        Op::EditCare {
            pick,
            minutes,
            partner,
        } => {
            if let Some(id) = c.pick(*pick) {
                let m = moment::get(conn, id).expect("moment");
                let mut input = m.as_input();
                input.ended_at = Some(m.started_at + Duration::minutes(*minutes));
                input.who = if *partner { Who::Partner } else { Who::Me };
                let _ = moment::update(conn, id, &input, now);
            }
        }
        Op::EditFeelings { pick } => {
            if let Some(id) = c.pick(*pick) {
                let m = moment::get(conn, id).expect("moment");
                let mut input = m.as_input();
                input.note = format!("[edited-{}-{n}]", c.me);
                input.energy = Some((n % 5) as i64 + 1);
                if moment::update(conn, id, &input, now).is_ok() && !m.from_partner {
                    let uid: String = conn
                        .query_row("SELECT uid FROM moment WHERE id = ?1", [id], |r| r.get(0))
                        .expect("uid");
                    if m.private || !m.share_feelings {
                        c.secrets.push((uid, input.note));
                    }
                }
            }
        }
        Op::Share { pick, share } => {
            if let Some(id) = c.pick(*pick) {
                let _ = moment::set_share_feelings(conn, id, *share, now);
            }
        }
        Op::Private { pick, private } => {
            if let Some(id) = c.pick(*pick) {
                let m = moment::get(conn, id).expect("moment");
                let mut input = m.as_input();
                input.private = *private;
                let _ = moment::update(conn, id, &input, now);
            }
        }
        Op::Trash { pick } => {
            if let Some(id) = c.pick(*pick) {
                let _ = trash::soft_delete(conn, id, now);
            }
        }
        Op::Restore { pick } => {
            if let Some(id) = c.pick(*pick) {
                let _ = trash::restore(conn, id, now);
            }
        }
        Op::Purge { pick } => {
            if let Some(id) = c.pick(*pick) {
                let _ = trash::purge(conn, id);
            }
        }
        Op::StartTimer { kind, baby } => {
            let input = TimerInput {
                kind_id: KINDS[*kind].into(),
                baby_id: if *baby {
                    c.babies().first().copied()
                } else {
                    None
                },
                utc_offset_seconds: 3600,
                started_at: Some(now - Duration::minutes(5)),
                ..TimerInput::default()
            };
            let _ = timer::start(conn, &input, now);
        }
        Op::StopTimer { pick } => {
            let timers = timer::list(conn, now).expect("timers");
            if !timers.is_empty() {
                let _ = timer::stop(conn, timers[pick % timers.len()].id, now);
            }
        }
        Op::AddBaby => {
            let input = BabyInput {
                name: format!("Baby {n}"),
                birth_date: None,
            };
            baby::add(conn, &input, now).expect("baby");
        }
        Op::AddKind => {
            let input = KindInput {
                name: format!("Kind {}-{n}", &c.me[30..]),
                emoji: "🌿".into(),
                timed: n.is_multiple_of(2),
            };
            kind::add(conn, &input, now).expect("kind");
        }
        Op::Send => return Some(c.message()),
    }
    None
}

/// Who gave the care, as seen by the row's author.
fn absolute(who: &Who, mine: bool) -> String {
    match (who, mine) {
        (Who::Me, true) | (Who::Partner, false) => "author".into(),
        (Who::Partner, true) | (Who::Me, false) => "partner".into(),
        (Who::Caregiver(name), _) => format!("caregiver {name}"),
    }
}

/// The shared journal as this computer holds it, in terms every computer agrees on.
fn shared_view(c: &Computer) -> BTreeMap<String, String> {
    let conn = c.conn();
    let mut view = BTreeMap::new();
    for uid in shared::all(conn, Entity::Moment).expect("moments") {
        let m = shared::moment(conn, &uid).expect("read").expect("there");
        let mine = m.author.is_none();
        let feelings = (m.share_feelings).then(|| {
            format!(
                "{:?} {:?} {:?} {:?} {}",
                m.feelings.connection,
                m.feelings.energy,
                m.feelings.feelings,
                m.feelings.tags,
                m.feelings.note
            )
        });
        view.insert(
            format!("m:{uid}"),
            format!(
                "{} {} {:?} {} {} {:?} {:?} {} {} {} {:?} {} {:?}",
                m.author.as_deref().unwrap_or(&c.me),
                m.care.kind,
                m.care.detail,
                m.care.started_at,
                m.care.utc_offset_seconds,
                m.care.ended_at,
                m.care.baby,
                absolute(&m.care.who, mine),
                m.created_at,
                m.updated_at,
                m.deleted_at,
                m.share_feelings,
                feelings,
            ),
        );
    }
    for uid in shared::all(conn, Entity::Kind).expect("kinds") {
        let k = shared::own_kind(conn, &uid).expect("read").expect("there");
        view.insert(format!("k:{uid}"), format!("{k:?}"));
    }
    for uid in shared::all(conn, Entity::Baby).expect("babies") {
        let b = shared::baby(conn, &uid).expect("read").expect("there");
        view.insert(format!("b:{uid}"), format!("{b:?}"));
    }
    for uid in shared::all(conn, Entity::Timer).expect("timers") {
        let t = shared::timer(conn, &uid).expect("read").expect("there");
        let mine = t.author.is_none();
        view.insert(
            format!("t:{uid}"),
            format!(
                "{} {} {:?} {} {:?}",
                t.author.as_deref().unwrap_or(&c.me),
                t.care.kind,
                t.care.baby,
                t.care.started_at,
                absolute(&t.care.who, mine),
            ),
        );
    }
    view
}

fn notes_of(c: &Computer) -> String {
    let mut stmt = c.conn().prepare("SELECT note FROM moment").expect("q");
    let notes = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("notes");
    notes
        .map(|n| n.expect("note"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut computers: Vec<Computer> = (0..3).map(Computer::new).collect();
    let mut messages: Vec<Vec<u8>> = Vec::new();
    for (n, s) in steps.iter().enumerate() {
        if let Some(message) = act(&mut computers[s.who], &s.op, n, clock(n)) {
            messages.push(message);
        }
        if let (Some((m, to)), false) = (s.deliver, messages.is_empty()) {
            let bytes = messages[m % messages.len()].clone();
            let c = &mut computers[to];
            c.replica.receive(c.store.conn(), &bytes).expect("received");
        }
    }
    // Everyone comes back online: two rounds of everything to everyone.
    for _ in 0..2 {
        for from in 0..3 {
            let bytes = computers[from].message();
            for c in computers.iter_mut() {
                c.replica.receive(c.store.conn(), &bytes).expect("received");
            }
        }
    }
    let views: Vec<_> = computers.iter().map(shared_view).collect();
    prop_assert_eq!(&views[0], &views[1]);
    prop_assert_eq!(&views[1], &views[2]);
    for (n, c) in computers.iter().enumerate() {
        for (uid, note) in &c.secrets {
            let own: Option<String> = c
                .conn()
                .query_row(
                    "SELECT note FROM moment WHERE uid = ?1 AND private = 0 AND share_feelings = 1",
                    [uid],
                    |r| r.get(0),
                )
                .ok();
            if own.as_deref() == Some(note.as_str()) {
                continue; // shared later on purpose
            }
            for (other, o) in computers.iter().enumerate().filter(|(o, _)| *o != n) {
                prop_assert!(
                    !notes_of(o).contains(note.as_str()),
                    "a note kept on computer {n} reached computer {other}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn three_computers_end_with_one_shared_journal_and_keep_their_secrets(
        steps in proptest::collection::vec(step(), 1..60)
    ) {
        run(&steps)?;
    }
}

#[test]
fn a_moment_logged_on_one_computer_arrives_on_the_other_with_the_care_and_without_the_feelings() {
    let mut a = Computer::new(0);
    let mut b = Computer::new(1);
    let now = clock(10);
    act(
        &mut a,
        &Op::Log {
            kind: 0,
            private: false,
            share: false,
            baby: false,
        },
        1,
        now,
    );
    let bytes = a.message();
    let received = b.replica.receive(b.store.conn(), &bytes).expect("received");
    assert_eq!(received.written, 1);
    let ids = b.moment_ids();
    assert_eq!(ids.len(), 1);
    let m = moment::get(b.conn(), ids[0]).expect("moment");
    assert_eq!(m.kind_id, "feeding");
    assert!(m.from_partner);
    assert_eq!(m.who, Who::Partner, "what A did is what B's partner did");
    assert_eq!((m.note.as_str(), m.connection), ("", None));
}
