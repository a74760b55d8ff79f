//! Sync-engine spike: the same ten-year journal, built, saved, loaded and exchanged in
//! Automerge and in Loro, so that Nestling's sync engine is chosen on measured figures.
//!
//! Subcommands (each prints one JSON object on stdout):
//!
//! - `build ENGINE FILE`    build the 50,000-moment journal, save it to FILE
//! - `load ENGINE FILE`     load FILE in this (fresh) process; RSS before/after, peak RSS
//! - `exchange ENGINE FILE` two replicas from FILE: 100 edits, incremental update, merges
//! - `all DIR [REPS]`       run the three above as child processes REPS times (default 3)
//!   for every engine built in, and print the medians as a table
//!
//! ENGINE is `automerge` or `loro`.

// With one engine's feature only (for the crate counts and compile timings), parts go unused.
#![cfg_attr(not(all(feature = "automerge", feature = "loro")), allow(unused))]

use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::time::Instant;

/// Moments in the journal.
const MOMENTS: usize = 50_000;
/// Moments per commit while the journal is built (a day or so of use).
const BATCH: usize = 100;
/// The last moments are committed one by one, as a person adding them would.
const SINGLE_TAIL: usize = 1_000;
/// 2017-01-01T00:00:00Z: the journal runs ten years from here.
const START: i64 = 1_483_228_800;
const TEN_YEARS: i64 = 3_652 * 86_400;

// ---------------------------------------------------------------------------------------------
// Deterministic data
// ---------------------------------------------------------------------------------------------

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability pct/100.
    fn pct(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One journal entry, as the sync document stores it.
#[derive(Clone, Debug, Serialize, PartialEq)]
struct Moment {
    id: String,
    kind: String,
    started_at: i64,
    utc_offset: i64,
    ended_at: Option<i64>,
    duration_s: Option<i64>,
    baby: Option<String>,
    who: String,
    connection: Option<i64>,
    note: String,
    private: bool,
}

const KINDS: &[&str] = &[
    "feeding",
    "feeding",
    "feeding",
    "changing",
    "changing",
    "skin_to_skin",
    "sleep",
    "bath",
    "walk",
    "tummy_time",
    "pumping",
    "check_in",
];

const WORDS: &[&str] = &[
    "she", "he", "we", "slept", "fed", "calm", "fussy", "after", "the", "bath", "a", "long",
    "nap", "on", "my", "chest", "warm", "quiet", "morning", "evening", "night", "cried", "then",
    "settled", "smiled", "for", "first", "time", "latched", "well", "left", "side", "right",
    "burped", "twice", "walk", "in", "park", "sun", "rain", "grandma", "visited", "tired",
    "happy", "little", "hands", "held", "finger", "and", "looked", "at", "me", "lamp", "song",
];

/// A 26-character, ULID-shaped id (Crockford base32): 48 bits of milliseconds, 80 random bits.
fn ulid(ms: u64, rng: &mut Rng) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let hi = rng.next() as u128;
    let lo = (rng.next() & 0xFFFF) as u128;
    let value: u128 = ((ms as u128) << 80) | (hi << 16) | lo;
    (0..26)
        .map(|i| ALPHABET[((value >> (125 - 5 * i)) & 31) as usize] as char)
        .collect()
}

fn sentence(rng: &mut Rng) -> String {
    let n = 5 + rng.below(9) as usize;
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut c = s.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('A');
    format!("{first}{}.", c.as_str())
}

fn note(rng: &mut Rng) -> String {
    let roll = rng.below(100);
    if roll < 40 {
        String::new()
    } else if roll < 75 {
        let n = 1 + rng.below(2);
        (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
    } else {
        // Longer: 150 to ~1,000 characters.
        let target = 150 + rng.below(850) as usize;
        let mut s = String::new();
        while s.len() < target {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&sentence(rng));
        }
        s.truncate(1_000);
        s
    }
}

/// The whole journal, oldest first. Same seed, same journal.
fn journal(seed: u64) -> Vec<Moment> {
    let mut rng = Rng(seed);
    let step = TEN_YEARS / MOMENTS as i64;
    (0..MOMENTS)
        .map(|i| {
            let started_at = START + i as i64 * step + rng.below(step as u64 / 2) as i64;
            let ended = rng.pct(70);
            let duration = 60 + rng.below(3 * 3_600) as i64;
            Moment {
                id: ulid(started_at as u64 * 1_000, &mut rng),
                kind: rng.pick(KINDS).to_string(),
                started_at,
                utc_offset: [3_600, 3_600, 3_600, 7_200, 0, -18_000][rng.below(6) as usize],
                ended_at: ended.then_some(started_at + duration),
                duration_s: ended.then_some(duration),
                baby: if rng.pct(85) {
                    Some(if rng.pct(50) { "baby-01" } else { "baby-02" }.to_string())
                } else {
                    None
                },
                who: if rng.pct(55) { "me" } else { "partner" }.to_string(),
                connection: rng.pct(50).then(|| 1 + rng.below(5) as i64),
                note: note(&mut rng),
                private: rng.pct(10),
            }
        })
        .collect()
}

/// A moment's fields as (name, value) pairs; absent optionals are not written.
fn fields(m: &Moment) -> Vec<(&'static str, Value)> {
    let mut f = vec![
        ("kind", json!(m.kind)),
        ("started_at", json!(m.started_at)),
        ("utc_offset", json!(m.utc_offset)),
        ("baby", json!(m.baby)),
        ("who", json!(m.who)),
        ("note", json!(m.note)),
        ("private", json!(m.private)),
    ];
    if let Some(e) = m.ended_at {
        f.push(("ended_at", json!(e)));
    }
    if let Some(d) = m.duration_s {
        f.push(("duration_s", json!(d)));
    }
    if let Some(c) = m.connection {
        f.push(("connection", json!(c)));
    }
    f
}

/// One edit of the incremental-exchange step.
#[derive(Clone, Debug)]
enum Edit {
    Set { id: String, field: &'static str, value: Value },
    Delete { id: String },
    Add(Moment),
}

/// 100 edits: 70 field changes on existing moments, 10 deletions, 20 new moments.
fn edits(journal: &[Moment]) -> Vec<Edit> {
    let mut rng = Rng(0xED17);
    let mut out = Vec::new();
    let mut touched = std::collections::BTreeSet::new();
    // Recent moments are the ones people correct.
    let recent = &journal[journal.len() - 5_000..];
    while out.len() < 70 {
        let m = &recent[rng.below(recent.len() as u64) as usize];
        touched.insert(m.id.clone());
        let (field, value) = match rng.below(4) {
            0 => ("note", json!(sentence(&mut rng))),
            1 => ("connection", json!(1 + rng.below(5) as i64)),
            2 => ("ended_at", json!(m.started_at + 600 + rng.below(3_600) as i64)),
            _ => ("private", json!(rng.pct(50))),
        };
        out.push(Edit::Set { id: m.id.clone(), field, value });
    }
    let mut deleted = 0;
    while deleted < 10 {
        let m = &recent[rng.below(recent.len() as u64) as usize];
        if touched.insert(m.id.clone()) {
            out.push(Edit::Delete { id: m.id.clone() });
            deleted += 1;
        }
    }
    let last = journal.last().map(|m| m.started_at).unwrap_or(START);
    let mut extra = journal_tail(&mut rng, last, 20);
    out.extend(extra.drain(..).map(Edit::Add));
    out
}

/// A second, different 100 edits, avoiding moments the first round deleted.
fn edits_round2(journal: &[Moment], first: &[Edit]) -> Vec<Edit> {
    let gone: std::collections::BTreeSet<&str> = first
        .iter()
        .filter_map(|e| match e {
            Edit::Delete { id } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut rng = Rng(0x5EC0_4D);
    let live: Vec<&Moment> = journal[journal.len() - 5_000..]
        .iter()
        .filter(|m| !gone.contains(m.id.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut touched = std::collections::BTreeSet::new();
    while out.len() < 70 {
        let m = live[rng.below(live.len() as u64) as usize];
        touched.insert(m.id.clone());
        out.push(Edit::Set { id: m.id.clone(), field: "note", value: json!(sentence(&mut rng)) });
    }
    while out.len() < 80 {
        let m = live[rng.below(live.len() as u64) as usize];
        if touched.insert(m.id.clone()) {
            out.push(Edit::Delete { id: m.id.clone() });
        }
    }
    let last = journal.last().map(|m| m.started_at).unwrap_or(START) + 86_400;
    out.extend(journal_tail(&mut rng, last, 20).into_iter().map(Edit::Add));
    out
}

fn journal_tail(rng: &mut Rng, after: i64, n: usize) -> Vec<Moment> {
    (0..n)
        .map(|i| {
            let started_at = after + 600 * (i as i64 + 1);
            Moment {
                id: ulid(started_at as u64 * 1_000, rng),
                kind: rng.pick(KINDS).to_string(),
                started_at,
                utc_offset: 3_600,
                ended_at: Some(started_at + 900),
                duration_s: Some(900),
                baby: Some("baby-01".into()),
                who: "partner".into(),
                connection: Some(4),
                note: note(rng),
                private: false,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Process memory
// ---------------------------------------------------------------------------------------------

/// A field of /proc/self/status in KiB (VmRSS, VmHWM).
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

extern "C" {
    /// glibc: give freed heap pages back to the system, so RSS shows live memory only.
    fn malloc_trim(pad: usize) -> i32;
}

/// Resident memory in KiB after returning freed pages to the system.
fn live_rss_kib() -> u64 {
    // SAFETY: malloc_trim only releases free memory held by glibc's allocator.
    unsafe {
        malloc_trim(0);
    }
    status_kib("VmRSS:")
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1_000.0
}

// ---------------------------------------------------------------------------------------------
// The engines, behind one small interface
// ---------------------------------------------------------------------------------------------

/// What the spike asks of a sync engine.
trait Engine: Sized {
    const NAME: &'static str;
    /// A fresh, empty journal document written by replica `peer`.
    fn new(peer: u8) -> Self;
    fn load(bytes: &[u8], peer: u8) -> Self;
    fn add(&mut self, m: &Moment);
    fn set(&mut self, id: &str, field: &str, value: &Value);
    fn delete_field(&mut self, id: &str, field: &str);
    fn delete(&mut self, id: &str);
    fn commit(&mut self);
    fn save(&mut self) -> Vec<u8>;
    /// Where this replica is now (heads or version vector), opaque.
    type Version;
    fn version(&mut self) -> Self::Version;
    /// Only the changes made after `since`.
    fn export_since(&mut self, since: &Self::Version) -> Vec<u8>;
    fn import(&mut self, update: &[u8]);
    /// Every moment, read back, as JSON: id -> fields.
    fn read_all(&mut self) -> BTreeMap<String, Value>;
    /// Does the moment exist, and its field's value.
    fn read(&mut self, id: &str, field: &str) -> (bool, Value);
    /// Extra save formats worth reporting, with their sizes.
    fn extra_sizes(&mut self) -> Vec<(&'static str, usize)> {
        Vec::new()
    }
    /// How many concurrent values the engine still shows for a field, where it shows them.
    fn values_kept(&mut self, _id: &str, _field: &str) -> Option<usize> {
        None
    }
}

fn apply_edit<E: Engine>(doc: &mut E, e: &Edit) {
    match e {
        Edit::Set { id, field, value } => doc.set(id, field, value),
        Edit::Delete { id } => doc.delete(id),
        Edit::Add(m) => doc.add(m),
    }
}

#[cfg(feature = "automerge")]
mod am {
    use super::*;
    use automerge::transaction::Transactable;
    use automerge::{ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

    pub(crate) struct Am {
        doc: AutoCommit,
        moments: ObjId,
    }

    fn scalar(v: &Value) -> ScalarValue {
        match v {
            Value::Null => ScalarValue::Null,
            Value::Bool(b) => ScalarValue::Boolean(*b),
            Value::Number(n) => ScalarValue::Int(n.as_i64().expect("integers only")),
            Value::String(s) => ScalarValue::Str(s.as_str().into()),
            other => panic!("not a scalar: {other}"),
        }
    }

    fn json_of(v: &automerge::Value<'_>) -> Value {
        match v {
            automerge::Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Null => Value::Null,
                ScalarValue::Boolean(b) => json!(b),
                ScalarValue::Int(i) => json!(i),
                ScalarValue::Str(s) => json!(s.to_string()),
                other => json!(format!("{other:?}")),
            },
            automerge::Value::Object(t) => json!(format!("object {t:?}")),
        }
    }

    fn json_of_ref(v: &automerge::ValueRef<'_>) -> Value {
        use automerge::ScalarValueRef as S;
        match v {
            automerge::ValueRef::Scalar(s) => match s {
                S::Null => Value::Null,
                S::Boolean(b) => json!(b),
                S::Int(i) => json!(i),
                S::Str(s) => json!(s.as_ref()),
                other => json!(format!("{other:?}")),
            },
            automerge::ValueRef::Object(t) => json!(format!("object {t:?}")),
        }
    }

    fn actor(peer: u8) -> ActorId {
        ActorId::from([peer; 16])
    }

    impl Am {
        fn moment(&self, id: &str) -> Option<ObjId> {
            match self.doc.get(&self.moments, id).expect("get") {
                Some((automerge::Value::Object(ObjType::Map), obj)) => Some(obj),
                _ => None,
            }
        }
    }

    impl Engine for Am {
        const NAME: &'static str = "automerge";
        type Version = Vec<ChangeHash>;

        fn new(peer: u8) -> Self {
            let mut doc = AutoCommit::new().with_actor(actor(peer));
            let moments = doc.put_object(ROOT, "moments", ObjType::Map).expect("moments");
            doc.commit();
            Am { doc, moments }
        }
        fn load(bytes: &[u8], peer: u8) -> Self {
            let mut doc = AutoCommit::load(bytes).expect("load");
            doc.set_actor(actor(peer));
            let moments = match doc.get(ROOT, "moments").expect("get") {
                Some((_, obj)) => obj,
                None => panic!("no moments map"),
            };
            Am { doc, moments }
        }
        fn add(&mut self, m: &Moment) {
            let obj = self.doc.put_object(&self.moments, m.id.as_str(), ObjType::Map).expect("put");
            for (k, v) in fields(m) {
                self.doc.put(&obj, k, scalar(&v)).expect("put");
            }
        }
        fn set(&mut self, id: &str, field: &str, value: &Value) {
            let obj = self.moment(id).expect("moment exists");
            self.doc.put(&obj, field, scalar(value)).expect("put");
        }
        fn delete_field(&mut self, id: &str, field: &str) {
            let obj = self.moment(id).expect("moment exists");
            self.doc.delete(&obj, field).expect("delete");
        }
        fn delete(&mut self, id: &str) {
            self.doc.delete(&self.moments, id).expect("delete");
        }
        fn commit(&mut self) {
            self.doc.commit();
        }
        fn save(&mut self) -> Vec<u8> {
            self.doc.save()
        }
        fn extra_sizes(&mut self) -> Vec<(&'static str, usize)> {
            vec![("save_nocompress", self.doc.save_nocompress().len())]
        }
        fn values_kept(&mut self, id: &str, field: &str) -> Option<usize> {
            let obj = self.moment(id)?;
            Some(self.doc.get_all(&obj, field).expect("get_all").len())
        }
        fn version(&mut self) -> Vec<ChangeHash> {
            self.doc.get_heads()
        }
        fn export_since(&mut self, since: &Vec<ChangeHash>) -> Vec<u8> {
            self.doc.save_after(since)
        }
        fn import(&mut self, update: &[u8]) {
            self.doc.load_incremental(update).expect("import");
        }
        fn read_all(&mut self) -> BTreeMap<String, Value> {
            let mut out = BTreeMap::new();
            for item in self.doc.map_range(&self.moments, ..) {
                let obj = item.id();
                let fields: Map<String, Value> = self
                    .doc
                    .map_range(&obj, ..)
                    .map(|f| (f.key.to_string(), json_of_ref(&f.value)))
                    .collect();
                out.insert(item.key.to_string(), Value::Object(fields));
            }
            out
        }
        fn read(&mut self, id: &str, field: &str) -> (bool, Value) {
            match self.moment(id) {
                None => (false, Value::Null),
                Some(obj) => match self.doc.get(&obj, field).expect("get") {
                    Some((v, _)) => (true, json_of(&v)),
                    None => (true, json!("<absent>")),
                },
            }
        }
    }
}

#[cfg(feature = "loro")]
mod lo {
    use super::*;
    use loro::{
        Container, ExportMode, LoroDoc, LoroMap, LoroValue, ValueOrContainer, VersionVector,
    };

    pub(crate) struct Lo {
        doc: LoroDoc,
        moments: LoroMap,
    }

    fn value(v: &Value) -> LoroValue {
        match v {
            Value::Null => LoroValue::Null,
            Value::Bool(b) => LoroValue::Bool(*b),
            Value::Number(n) => LoroValue::I64(n.as_i64().expect("integers only")),
            Value::String(s) => LoroValue::from(s.as_str()),
            other => panic!("not a scalar: {other}"),
        }
    }

    fn json_of(v: &LoroValue) -> Value {
        match v {
            LoroValue::Null => Value::Null,
            LoroValue::Bool(b) => json!(b),
            LoroValue::I64(i) => json!(i),
            LoroValue::Double(d) => json!(d),
            LoroValue::String(s) => json!(s.to_string()),
            LoroValue::Map(m) => {
                Value::Object(m.iter().map(|(k, v)| (k.to_string(), json_of(v))).collect())
            }
            other => json!(format!("{other:?}")),
        }
    }

    impl Lo {
        fn moment(&self, id: &str) -> Option<LoroMap> {
            match self.moments.get(id) {
                Some(ValueOrContainer::Container(Container::Map(m))) => Some(m),
                _ => None,
            }
        }
    }

    impl Engine for Lo {
        const NAME: &'static str = "loro";
        type Version = VersionVector;

        fn new(peer: u8) -> Self {
            let doc = LoroDoc::new();
            doc.set_peer_id(peer as u64).expect("peer");
            let moments = doc.get_map("moments");
            Lo { doc, moments }
        }
        fn load(bytes: &[u8], peer: u8) -> Self {
            let doc = LoroDoc::from_snapshot(bytes).expect("load");
            doc.set_peer_id(peer as u64).expect("peer");
            let moments = doc.get_map("moments");
            Lo { doc, moments }
        }
        fn add(&mut self, m: &Moment) {
            let obj = self.moments.insert_container(&m.id, LoroMap::new()).expect("insert");
            for (k, v) in fields(m) {
                obj.insert(k, value(&v)).expect("insert");
            }
        }
        fn set(&mut self, id: &str, field: &str, v: &Value) {
            let obj = self.moment(id).expect("moment exists");
            obj.insert(field, value(v)).expect("insert");
        }
        fn delete_field(&mut self, id: &str, field: &str) {
            let obj = self.moment(id).expect("moment exists");
            obj.delete(field).expect("delete");
        }
        fn delete(&mut self, id: &str) {
            self.moments.delete(id).expect("delete");
        }
        fn commit(&mut self) {
            self.doc.commit();
        }
        fn save(&mut self) -> Vec<u8> {
            self.doc.export(ExportMode::Snapshot).expect("export")
        }
        fn extra_sizes(&mut self) -> Vec<(&'static str, usize)> {
            let state_only = self.doc.export(ExportMode::StateOnly(None)).expect("export");
            let all_updates =
                self.doc.export(ExportMode::all_updates()).expect("export");
            vec![("state_only_snapshot", state_only.len()), ("all_updates", all_updates.len())]
        }
        fn version(&mut self) -> VersionVector {
            self.doc.commit();
            self.doc.oplog_vv()
        }
        fn export_since(&mut self, since: &VersionVector) -> Vec<u8> {
            self.doc.commit();
            self.doc.export(ExportMode::updates(since)).expect("export")
        }
        fn import(&mut self, update: &[u8]) {
            self.doc.import(update).expect("import");
        }
        fn read_all(&mut self) -> BTreeMap<String, Value> {
            let mut out = BTreeMap::new();
            self.moments.for_each(|id, v| {
                if let ValueOrContainer::Container(Container::Map(m)) = v {
                    out.insert(id.to_string(), json_of(&m.get_value()));
                }
            });
            out
        }
        fn read(&mut self, id: &str, field: &str) -> (bool, Value) {
            match self.moment(id) {
                None => (false, Value::Null),
                Some(obj) => match obj.get(field) {
                    Some(ValueOrContainer::Value(v)) => (true, json_of(&v)),
                    Some(ValueOrContainer::Container(_)) => (true, json!("<container>")),
                    None => (true, json!("<absent>")),
                },
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

fn build<E: Engine>(file: &str) -> Value {
    let journal = journal(42);
    let mut doc = E::new(1);
    let head = MOMENTS - SINGLE_TAIL;

    let t = Instant::now();
    for chunk in journal[..head].chunks(BATCH) {
        for m in chunk {
            doc.add(m);
        }
        doc.commit();
    }
    let batched_ms = ms(t);

    let t = Instant::now();
    for m in &journal[head..] {
        doc.add(m);
        doc.commit();
    }
    let single_ms = ms(t);
    let rss_built = live_rss_kib();

    let t = Instant::now();
    let bytes = doc.save();
    let save_ms = ms(t);
    std::fs::write(file, &bytes).expect("write");
    let extra: Map<String, Value> =
        doc.extra_sizes().into_iter().map(|(k, v)| (k.to_string(), json!(v))).collect();

    json!({
        "engine": E::NAME,
        "moments": MOMENTS,
        "build_batched_ms": batched_ms,
        "build_batched_moments": head,
        "build_batched_us_per_moment": batched_ms * 1_000.0 / head as f64,
        "build_single_ms": single_ms,
        "build_single_us_per_moment": single_ms * 1_000.0 / SINGLE_TAIL as f64,
        "build_total_ms": batched_ms + single_ms,
        "rss_after_build_kib": rss_built,
        "save_ms": save_ms,
        "save_bytes": bytes.len(),
        "extra_sizes": extra,
    })
}

fn load<E: Engine>(file: &str) -> Value {
    let bytes = std::fs::read(file).expect("read");
    let rss_before = live_rss_kib();
    let t = Instant::now();
    let mut doc = E::load(&bytes, 9);
    let load_ms = ms(t);
    let hwm_loaded = status_kib("VmHWM:");
    let rss_loaded = live_rss_kib();
    // Reading every moment once: an engine that loads lazily pays here.
    let t = Instant::now();
    let all = doc.read_all();
    let read_ms = ms(t);
    assert_eq!(all.len(), MOMENTS, "every moment loads");
    drop(all);
    let rss_read = live_rss_kib();
    let hwm_end = status_kib("VmHWM:");
    json!({
        "engine": E::NAME,
        "file_bytes": bytes.len(),
        "load_ms": load_ms,
        "read_all_ms": read_ms,
        "rss_before_kib": rss_before,
        "rss_after_load_kib": rss_loaded,
        "rss_after_read_kib": rss_read,
        "load_rss_delta_kib": rss_loaded.saturating_sub(rss_before),
        "loaded_and_read_rss_delta_kib": rss_read.saturating_sub(rss_before),
        "peak_rss_after_load_kib": hwm_loaded,
        "peak_rss_kib": hwm_end,
    })
}

/// Send whatever `from` has that `to` lacks, since their shared version.
fn sync_once<E: Engine>(from: &mut E, to: &mut E, shared: &E::Version) -> usize {
    let update = from.export_since(shared);
    to.import(&update);
    update.len()
}

fn exchange<E: Engine>(file: &str) -> Value {
    let bytes = std::fs::read(file).expect("read");
    let journal = journal(42);
    let mut a = E::load(&bytes, 0xA1);
    let mut b = E::load(&bytes, 0xB2);
    let base = a.version();
    let rss_two_loaded = live_rss_kib();

    // 100 edits on A, one commit each (each is one action in the app).
    let list = edits(&journal);
    assert_eq!(list.len(), 100);
    let t = Instant::now();
    for e in &list {
        apply_edit(&mut a, e);
        a.commit();
    }
    let edit_ms = ms(t);

    let t = Instant::now();
    let update = a.export_since(&base);
    let export_ms = ms(t);
    let t = Instant::now();
    b.import(&update);
    let import_ms = ms(t);

    let a_all = a.read_all();
    let b_all = b.read_all();
    assert_eq!(a_all.len(), MOMENTS + 20 - 10);
    assert!(a_all == b_all, "B equals A after the incremental update");

    // The same again on warm replicas (both fully read once): another 100 edits.
    let since = a.version();
    let list2 = edits_round2(&journal, &list);
    let t = Instant::now();
    for e in &list2 {
        apply_edit(&mut a, e);
        a.commit();
    }
    let warm_edit_ms = ms(t);
    let t = Instant::now();
    let update2 = a.export_since(&since);
    let warm_export_ms = ms(t);
    let t = Instant::now();
    b.import(&update2);
    let warm_import_ms = ms(t);
    let a_all = a.read_all();
    let b_all = b.read_all();
    assert_eq!(a_all.len(), MOMENTS + 40 - 20);
    assert!(a_all == b_all, "B equals A after the second update");
    drop((a_all, b_all));
    let rss_two_after_edits = live_rss_kib();
    // One whole-document copy of the same state, for scale.
    let full_after = a.save().len();

    // Concurrent edits, from the same shared state.
    let m1 = journal[10].id.clone();
    let m2 = journal[11].id.clone();
    let m3 = journal[12].id.clone();
    let m4 = journal[13].id.clone();
    let m5 = journal[14].id.clone();
    let mut report = Map::new();

    // 1. Same moment, different fields, and the same field; equal history length on both sides.
    let shared = a.version();
    a.set(&m1, "kind", &json!("bath"));
    a.set(&m1, "note", &json!("written on A"));
    a.commit();
    b.set(&m1, "connection", &json!(5));
    b.set(&m1, "note", &json!("written on B"));
    b.commit();
    let ab = sync_once(&mut a, &mut b, &shared);
    let ba = sync_once(&mut b, &mut a, &shared);
    let (a_all, b_all) = (a.read_all(), b.read_all());
    assert!(a_all == b_all, "A and B converge (case 1)");
    let m = &a_all[&m1];
    assert_eq!(m["kind"], json!("bath"), "A's field kept");
    assert_eq!(m["connection"], json!(5), "B's field kept");
    report.insert(
        "different_fields_both_kept".into(),
        json!(m["kind"] == json!("bath") && m["connection"] == json!(5)),
    );
    report.insert("same_field_tie_winner".into(), m["note"].clone());
    report.insert("same_field_values_kept_after_merge".into(), json!(a.values_kept(&m1, "note")));
    report.insert("case1_update_bytes".into(), json!([ab, ba]));

    // 2. Same field, but A made more edits first (a later logical clock on A), B edits later in
    //    wall-clock time.
    let shared = a.version();
    for i in 0..3 {
        a.set(&m5, "connection", &json!(1 + i));
        a.commit();
    }
    a.set(&m2, "note", &json!("A, after three other edits"));
    a.commit();
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.set(&m2, "note", &json!("B, later by the clock"));
    b.commit();
    sync_once(&mut a, &mut b, &shared);
    sync_once(&mut b, &mut a, &shared);
    let (a_all, b_all) = (a.read_all(), b.read_all());
    assert!(a_all == b_all, "A and B converge (case 2)");
    report.insert("same_field_longer_history_winner".into(), a_all[&m2]["note"].clone());

    // 3. A deletes a moment, B edits a field of it.
    let shared = a.version();
    a.delete(&m3);
    a.commit();
    b.set(&m3, "note", &json!("edited on B while A deleted it"));
    b.commit();
    sync_once(&mut a, &mut b, &shared);
    sync_once(&mut b, &mut a, &shared);
    let (a_all, b_all) = (a.read_all(), b.read_all());
    assert!(a_all == b_all, "A and B converge (case 3)");
    let (exists, note) = a.read(&m3, "note");
    report.insert(
        "delete_moment_vs_edit_field".into(),
        json!({"moment_exists": exists, "note": note}),
    );

    // 4. Field level: one side deletes a field, the other sets it; both orders of replica id.
    for (deleter, name) in [(true, "delete_field_on_A_vs_set_on_B"), (false, "set_on_A_vs_delete_field_on_B")] {
        let shared = a.version();
        if deleter {
            a.delete_field(&m4, "note");
            a.commit();
            b.set(&m4, "note", &json!("set on B"));
            b.commit();
        } else {
            a.set(&m4, "note", &json!("set on A"));
            a.commit();
            b.delete_field(&m4, "note");
            b.commit();
        }
        sync_once(&mut a, &mut b, &shared);
        sync_once(&mut b, &mut a, &shared);
        let (a_all, b_all) = (a.read_all(), b.read_all());
        assert!(a_all == b_all, "A and B converge (case 4)");
        report.insert(name.into(), a.read(&m4, "note").1);
    }

    json!({
        "engine": E::NAME,
        "edits": list.len(),
        "edits_ms": edit_ms,
        "update_bytes": update.len(),
        "export_ms": export_ms,
        "import_ms": import_ms,
        "warm_edits_ms": warm_edit_ms,
        "warm_update_bytes": update2.len(),
        "warm_export_ms": warm_export_ms,
        "warm_import_ms": warm_import_ms,
        "full_save_after_edits_bytes": full_after,
        "rss_two_replicas_loaded_kib": rss_two_loaded,
        "rss_two_replicas_after_200_edits_and_reads_kib": rss_two_after_edits,
        "converged": true,
        "merge": report,
    })
}

// ---------------------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------------------

fn engines() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut v = Vec::new();
    #[cfg(feature = "automerge")]
    v.push("automerge");
    #[cfg(feature = "loro")]
    v.push("loro");
    v
}

fn dispatch(cmd: &str, engine: &str, file: &str) -> Value {
    match (cmd, engine) {
        #[cfg(feature = "automerge")]
        ("build", "automerge") => build::<am::Am>(file),
        #[cfg(feature = "automerge")]
        ("load", "automerge") => load::<am::Am>(file),
        #[cfg(feature = "automerge")]
        ("exchange", "automerge") => exchange::<am::Am>(file),
        #[cfg(feature = "loro")]
        ("build", "loro") => build::<lo::Lo>(file),
        #[cfg(feature = "loro")]
        ("load", "loro") => load::<lo::Lo>(file),
        #[cfg(feature = "loro")]
        ("exchange", "loro") => exchange::<lo::Lo>(file),
        _ => panic!("unknown subcommand or engine not built in: {cmd} {engine}"),
    }
}

fn child(cmd: &str, engine: &str, file: &str) -> Value {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .args([cmd, engine, file])
        .output()
        .expect("run child");
    if !out.status.success() {
        panic!(
            "{cmd} {engine} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    serde_json::from_slice(&out.stdout).expect("child prints JSON")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn all(dir: &str, reps: usize) {
    std::fs::create_dir_all(dir).expect("dir");
    // The same journal for both engines: check the generator once.
    let j = journal(42);
    let note_bytes: usize = j.iter().map(|m| m.note.len()).sum();
    let empty = j.iter().filter(|m| m.note.is_empty()).count();
    let max_note = j.iter().map(|m| m.note.len()).max().unwrap_or(0);
    let json_bytes = serde_json::to_vec(&j).expect("json").len();
    eprintln!(
        "journal: {} moments, notes {} bytes in all ({} empty, longest {}), as plain JSON {} bytes",
        j.len(),
        note_bytes,
        empty,
        max_note,
        json_bytes
    );
    drop(j);

    let mut results = Map::new();
    results.insert(
        "journal".into(),
        json!({"moments": MOMENTS, "note_bytes": note_bytes, "empty_notes": empty,
               "longest_note": max_note, "plain_json_bytes": json_bytes}),
    );
    for engine in engines() {
        let mut runs = Vec::new();
        for rep in 0..reps {
            let file = format!("{dir}/{engine}-{rep}.bin");
            eprintln!("{engine}: repetition {} of {reps}", rep + 1);
            let b = child("build", engine, &file);
            let l = child("load", engine, &file);
            let x = child("exchange", engine, &file);
            runs.push(json!({"build": b, "load": l, "exchange": x}));
        }
        let pick = |part: &str, key: &str| -> f64 {
            median(
                runs.iter()
                    .map(|r| r[part][key].as_f64().unwrap_or(f64::NAN))
                    .collect(),
            )
        };
        let mut med = Map::new();
        for (part, key) in [
            ("build", "build_total_ms"),
            ("build", "build_batched_ms"),
            ("build", "build_batched_us_per_moment"),
            ("build", "build_single_ms"),
            ("build", "build_single_us_per_moment"),
            ("build", "rss_after_build_kib"),
            ("build", "save_ms"),
            ("build", "save_bytes"),
            ("load", "load_ms"),
            ("load", "read_all_ms"),
            ("load", "load_rss_delta_kib"),
            ("load", "loaded_and_read_rss_delta_kib"),
            ("load", "peak_rss_after_load_kib"),
            ("load", "peak_rss_kib"),
            ("load", "rss_before_kib"),
            ("exchange", "edits_ms"),
            ("exchange", "update_bytes"),
            ("exchange", "export_ms"),
            ("exchange", "import_ms"),
            ("exchange", "warm_edits_ms"),
            ("exchange", "warm_update_bytes"),
            ("exchange", "warm_export_ms"),
            ("exchange", "warm_import_ms"),
            ("exchange", "full_save_after_edits_bytes"),
        ] {
            med.insert(format!("{part}.{key}"), json!(pick(part, key)));
        }
        results.insert(
            engine.into(),
            json!({"median": med, "runs": runs}),
        );
    }
    let text = serde_json::to_string_pretty(&results).expect("json");
    std::fs::write(format!("{dir}/results.json"), &text).expect("write results");
    print_table(&results);
}

fn print_table(results: &Map<String, Value>) {
    let names = engines();
    println!("| median of runs | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(names.len()));
    let rows = [
        ("build, 49,000 moments, commit per 100 (ms)", "build.build_batched_ms"),
        ("build, last 1,000, commit per moment (ms)", "build.build_single_ms"),
        ("  per moment, committed one by one (µs)", "build.build_single_us_per_moment"),
        ("build, all 50,000 (ms)", "build.build_total_ms"),
        ("saved document (bytes)", "build.save_bytes"),
        ("save (ms)", "build.save_ms"),
        ("load from bytes (ms)", "load.load_ms"),
        ("first read of every moment after load (ms)", "load.read_all_ms"),
        ("RSS added by load (KiB)", "load.load_rss_delta_kib"),
        ("RSS added by load + full read (KiB)", "load.loaded_and_read_rss_delta_kib"),
        ("peak RSS of the load process (KiB)", "load.peak_rss_kib"),
        ("100 edits on A, commit each (ms)", "exchange.edits_ms"),
        ("incremental update (bytes)", "exchange.update_bytes"),
        ("export update (ms)", "exchange.export_ms"),
        ("import update into B (ms)", "exchange.import_ms"),
        ("warm: 100 more edits on A (ms)", "exchange.warm_edits_ms"),
        ("warm: incremental update (bytes)", "exchange.warm_update_bytes"),
        ("warm: export update (ms)", "exchange.warm_export_ms"),
        ("warm: import update into B (ms)", "exchange.warm_import_ms"),
        ("whole document saved after the edits (bytes)", "exchange.full_save_after_edits_bytes"),
    ];
    for (label, key) in rows {
        let cells: Vec<String> = names
            .iter()
            .map(|n| {
                let v = results[*n]["median"][key].as_f64().unwrap_or(f64::NAN);
                if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.2}") }
            })
            .collect();
        println!("| {label} | {} |", cells.join(" | "));
    }
    for n in &names {
        let runs = results[*n]["runs"].as_array().expect("runs");
        println!("\n{n} merge results (run 1): {}", runs[0]["exchange"]["merge"]);
        println!("{n} extra sizes (run 1): {}", runs[0]["build"]["extra_sizes"]);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    match (arg(0), arg(1), arg(2)) {
        (Some("all"), Some(dir), reps) => {
            all(dir, reps.and_then(|r| r.parse().ok()).unwrap_or(3))
        }
        (Some(cmd @ ("build" | "load" | "exchange")), Some(engine), Some(file)) => {
            println!("{}", dispatch(cmd, engine, file));
        }
        _ => {
            eprintln!(
                "usage: sync-spike all DIR [REPS] | build|load|exchange automerge|loro FILE"
            );
            std::process::exit(2);
        }
    }
}
