//! A deterministic generator of realistic journals, for benchmarks and tests (feature
//! `testdata`).
//!
//! [`generate`] logs [`Plan::moments`] moments spread over [`Plan::years`] years through the
//! public API (so every rule and trigger runs), with four babies (two of them twins), kinds in
//! realistic proportions, durations, feeling words, tags, private moments, a few moments in the
//! trash, clocks that move between winter and summer time and a few trips abroad, and notes
//! whose lengths follow a parent's habits: many empty, most short, some long. The same seed
//! always gives the same journal.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};
use rusqlite::Connection;

use crate::moment::{self, MomentInput, Who};
use crate::{baby, trash, tx, BabyInput, Result};

/// The generator the journal is drawn from, shared with the other crates' test data.
pub use nestling_testkit::Rng;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Plan {
    /// How many moments.
    pub moments: usize,
    /// Over how many years.
    pub years: u32,
    /// The first day of the journal.
    pub first_day: NaiveDate,
    /// The seed of the generator.
    pub seed: u64,
}

impl Default for Plan {
    /// Ten years and 50,000 moments from 2015, the scale of the performance budgets.
    fn default() -> Self {
        Self {
            moments: 50_000,
            years: 10,
            first_day: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default(),
            seed: 2024,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The first local day with moments.
    pub first_day: NaiveDate,
    /// The last local day with moments.
    pub last_day: NaiveDate,
    /// A "now" just after the last moment, to pass to the API.
    pub now: DateTime<Utc>,
    /// The babies' ids.
    pub baby_ids: Vec<i64>,
    /// How many moments were logged (including those then moved to the trash).
    pub moments: usize,
}

const KINDS: &[(&str, u64)] = &[
    ("feeding", 30),
    ("changing", 22),
    ("skin_to_skin", 9),
    ("rocking", 7),
    ("soothing", 8),
    ("bathing", 4),
    ("talking_reading_singing", 8),
    ("tummy_time", 5),
    ("carrying_walking", 7),
];
const SIDES: &[&str] = &["breast_left", "breast_right", "breast_both", "bottle"];
const FEELINGS: &[&str] = &[
    "calm",
    "tender",
    "exhausted",
    "proud",
    "joyful",
    "anxious",
    "overwhelmed",
    "tearful",
    "numb",
    "irritable",
    "guilty",
    "disconnected",
];
const OWN_FEELINGS: &[&str] = &["hopeful", "sleepy", "grateful", "lonely", "giddy"];
const TAGS: &[&str] = &[
    "night",
    "grandma",
    "growth spurt",
    "teething",
    "first time",
    "hospital",
    "outside",
    "visitors",
    "cluster feeding",
    "colic",
];

/// Words of notes, the most frequent first.
const WORDS: &[&str] = &[
    "the",
    "and",
    "she",
    "he",
    "was",
    "a",
    "to",
    "I",
    "it",
    "of",
    "in",
    "after",
    "her",
    "his",
    "for",
    "then",
    "so",
    "we",
    "with",
    "on",
    "at",
    "but",
    "finally",
    "while",
    "just",
    "again",
    "asleep",
    "feeding",
    "fed",
    "cried",
    "crying",
    "slept",
    "sleep",
    "nap",
    "bottle",
    "latch",
    "latched",
    "nappy",
    "diaper",
    "changed",
    "bath",
    "warm",
    "quiet",
    "calm",
    "tired",
    "little",
    "tiny",
    "hands",
    "fingers",
    "chest",
    "skin",
    "held",
    "holding",
    "rocked",
    "sang",
    "song",
    "lullaby",
    "story",
    "read",
    "book",
    "smiled",
    "smile",
    "looked",
    "eyes",
    "face",
    "cheek",
    "breathing",
    "heartbeat",
    "morning",
    "night",
    "evening",
    "afternoon",
    "midnight",
    "hours",
    "minutes",
    "long",
    "short",
    "hard",
    "easy",
    "better",
    "worse",
    "today",
    "yesterday",
    "partner",
    "grandma",
    "visit",
    "walk",
    "park",
    "pram",
    "sling",
    "carrier",
    "outside",
    "window",
    "light",
    "dark",
    "soft",
    "blanket",
    "swaddle",
    "cuddle",
    "cuddled",
    "burp",
    "burped",
    "hiccups",
    "spit",
    "milk",
    "formula",
    "pump",
    "pumped",
    "left",
    "right",
    "side",
    "both",
    "sore",
    "nipple",
    "shoulder",
    "arms",
    "lap",
    "sofa",
    "chair",
    "bed",
    "cot",
    "crib",
    "settled",
    "settling",
    "fussy",
    "grumpy",
    "content",
    "happy",
    "peaceful",
    "overwhelmed",
    "anxious",
    "worried",
    "proud",
    "teary",
    "laughed",
    "giggled",
    "cooed",
    "babbled",
    "gaze",
    "connection",
    "bonding",
    "love",
    "loved",
    "felt",
    "feel",
    "feeling",
    "numb",
    "distant",
    "closer",
    "moment",
    "first",
    "time",
    "growth",
    "spurt",
    "teething",
    "colic",
    "doctor",
    "midwife",
    "health",
    "visitor",
    "weight",
    "gained",
    "tummy",
    "rolled",
    "kicked",
    "stretch",
    "yawned",
    "sneezed",
    "snuggled",
    "nuzzled",
    "shushing",
    "swaying",
    "bouncing",
    "humming",
    "whispered",
    "café",
    "naïve",
    "résumé",
];

/// Logs a generated journal into `conn`, in one transaction.
pub fn generate(conn: &Connection, plan: &Plan) -> Result<Generated> {
    let mut rng = Rng::new(plan.seed);
    let span_days = i64::from(plan.years) * 365;
    let start = plan
        .first_day
        .and_hms_opt(6, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let now = start + TimeDelta::days(span_days + 1);
    tx::atomically(conn, || {
        let babies = add_babies(conn, plan.first_day, start)?;
        let step = TimeDelta::days(span_days).num_seconds() / plan.moments.max(1) as i64;
        for i in 0..plan.moments {
            let at = start + TimeDelta::seconds(i as i64 * step + rng.between(0, step - 1));
            let input = moment_at(&mut rng, at, &babies);
            let id = moment::insert(conn, &input, now)?.id;
            if rng.chance(1) {
                trash::soft_delete(conn, id, now)?;
            }
        }
        Ok(())
    })?;
    Ok(summary(conn, plan, now)?)
}

fn add_babies(
    conn: &Connection,
    first: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, DateTime<Utc>)>> {
    let mut babies = Vec::new();
    for (name, after_days) in [
        ("Ada", 0),
        ("Ben", 3 * 365),
        ("Cleo", 7 * 365),
        ("Dara", 7 * 365),
    ] {
        let born = first
            .checked_add_days(Days::new(after_days))
            .unwrap_or(first);
        let input = BabyInput {
            name: name.into(),
            birth_date: Some(born),
        };
        let id = baby::add(conn, &input, now)?.id;
        babies.push((id, born.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()));
    }
    Ok(babies)
}

fn moment_at(rng: &mut Rng, at: DateTime<Utc>, babies: &[(i64, DateTime<Utc>)]) -> MomentInput {
    let kind = *rng.weighted(KINDS);
    let minutes = match kind {
        "feeding" | "skin_to_skin" => Some(rng.between(5, 60)),
        _ if rng.chance(50) => Some(rng.between(2, 30)),
        _ => None,
    };
    MomentInput {
        kind_id: kind.into(),
        detail: (kind == "feeding").then(|| (*rng.pick(SIDES)).into()),
        started_at: at,
        utc_offset_seconds: offset_for(rng, at),
        ended_at: minutes.map(|m| at + TimeDelta::minutes(m)),
        baby_id: baby_for(rng, at, babies),
        who: who(rng),
        connection: rng.chance(70).then(|| rng.between(1, 5)),
        energy: rng.chance(70).then(|| rng.between(1, 5)),
        feelings: feelings(rng),
        note: note(rng),
        private: rng.chance(10),
        tags: (0..rng.weighted(&[(0, 60), (1, 30), (2, 10)]).to_owned())
            .map(|_| (*rng.pick(TAGS)).to_string())
            .collect(),
    }
}

/// Central European time, roughly: summer time from April to October, and now and then a trip
/// to New York.
fn offset_for(rng: &mut Rng, at: DateTime<Utc>) -> i64 {
    match (rng.chance(3), (4..=10).contains(&at.month())) {
        (true, _) => -5 * 3600,
        (false, true) => 2 * 3600,
        (false, false) => 3600,
    }
}

fn baby_for(rng: &mut Rng, at: DateTime<Utc>, babies: &[(i64, DateTime<Utc>)]) -> Option<i64> {
    let born: Vec<i64> = babies
        .iter()
        .filter(|(_, b)| *b <= at)
        .map(|(id, _)| *id)
        .collect();
    match born.is_empty() || rng.chance(8) {
        true => None,
        // The youngest babies get most of the care.
        false => Some(*rng.skewed(&born.iter().rev().copied().collect::<Vec<_>>())),
    }
}

fn who(rng: &mut Rng) -> Who {
    match rng.below(100) {
        0..=69 => Who::Me,
        70..=94 => Who::Partner,
        _ => Who::Caregiver("Nana".into()),
    }
}

fn feelings(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = (0..rng.below(4))
        .map(|_| (*rng.skewed(FEELINGS)).into())
        .collect();
    if rng.chance(5) {
        words.push((*rng.pick(OWN_FEELINGS)).into());
    }
    words
}

/// A note: empty 40% of the time, a sentence or two 35%, a paragraph 20%, a long entry 5%.
pub fn note(rng: &mut Rng) -> String {
    let sentences = match rng.below(100) {
        0..=39 => 0,
        40..=74 => rng.between(1, 2),
        75..=94 => rng.between(3, 8),
        _ => rng.between(15, 40),
    };
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn sentence(rng: &mut Rng) -> String {
    let count = rng.between(5, 16);
    let mut words: Vec<String> = (0..count).map(|_| word(rng)).collect();
    if let Some(first) = words.first_mut() {
        *first = capitalised(first);
    }
    format!("{}.", words.join(" "))
}

/// A word of a note: half the time one of the common [`WORDS`], half the time one of
/// [`RARE_WORDS`] rarer ones, as in real writing where a long tail of words each appears seldom.
fn word(rng: &mut Rng) -> String {
    match rng.chance(50) {
        true => (*rng.skewed(WORDS)).to_string(),
        false => rare_word(rng.below(RARE_WORDS)),
    }
}

/// How many rare words there are.
const RARE_WORDS: u64 = 8_000;
const SYLLABLES: &[&str] = &[
    "ba", "lo", "mi", "ne", "ru", "ta", "ke", "so", "vi", "da", "pe", "lu", "ko", "ra", "ni", "te",
    "mo", "sa", "fi", "go", "be", "la", "di", "no",
];

/// The rare word number `n`, made of three syllables (made-up words stand in for the thousands
/// of real ones a parent uses now and then).
fn rare_word(n: u64) -> String {
    let base = SYLLABLES.len() as u64;
    [n / (base * base), n / base, n]
        .iter()
        .map(|digit| SYLLABLES[(digit % base) as usize])
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn summary(conn: &Connection, plan: &Plan, now: DateTime<Utc>) -> rusqlite::Result<Generated> {
    let (first, last): (Option<String>, Option<String>) = conn.query_row(
        "SELECT min(local_date), max(local_date) FROM moment",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let parse = |s: Option<String>| {
        s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
            .unwrap_or(plan.first_day)
    };
    let baby_ids = conn
        .prepare("SELECT id FROM baby ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Generated {
        first_day: parse(first),
        last_day: parse(last),
        now,
        baby_ids,
        moments: plan.moments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{query, search, Filter};
    use nestling_store::Store;

    fn small() -> Plan {
        Plan {
            moments: 2_000,
            years: 1,
            ..Plan::default()
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let (a, b) = (
            Store::open_in_memory().expect("a"),
            Store::open_in_memory().expect("b"),
        );
        generate(a.conn(), &small()).expect("a");
        generate(b.conn(), &small()).expect("b");
        let notes = |s: &Store| -> Vec<String> {
            let mut stmt = s
                .conn()
                .prepare("SELECT note FROM moment ORDER BY id")
                .expect("sql");
            let notes = stmt.query_map([], |r| r.get(0)).expect("rows");
            notes.collect::<rusqlite::Result<_>>().expect("notes")
        };
        assert_eq!(notes(&a), notes(&b));
    }

    #[test]
    fn a_generated_journal_looks_like_a_real_one() {
        let store = Store::open_in_memory().expect("store");
        let made = generate(store.conn(), &small()).expect("generated");
        assert_eq!(made.baby_ids.len(), 4);
        let all = query::list_between(
            store.conn(),
            made.first_day,
            made.last_day,
            &Filter::default(),
        )
        .expect("everything");
        let live = all.moments.len();
        assert!(
            (1_950..2_000).contains(&live),
            "about 1% in the trash: {live}"
        );
        let empty = all.moments.iter().filter(|m| m.note.is_empty()).count();
        assert!(
            (600..1_000).contains(&empty),
            "about 40% empty notes: {empty}"
        );
        assert!(
            all.moments.iter().any(|m| m.note.chars().count() > 1_000),
            "some long notes"
        );
        assert!(
            all.moments
                .iter()
                .any(|m| m.utc_offset_seconds == -5 * 3600),
            "some travel"
        );
        assert_eq!(all.totals[0].kind_id, "skin_to_skin");
        assert!(
            !search::search(store.conn(), "asleep", &Filter::default(), 10)
                .expect("ok")
                .is_empty()
        );
    }
}
