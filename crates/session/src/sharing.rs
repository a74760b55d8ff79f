//! Sharing with the partner's computer as the session holds it: pairing step by step, the
//! exchanges, and the status the Settings screen and the header show.
//!
//! What the session keeps lives beside the open journal ([`Sharer`], inside the journal's
//! `Open` state), so it goes when the journal locks, closes or is replaced, and comes back from
//! the journal when it opens again: the open [`Sharing`] (loaded at the first exchange), the
//! secret of a pairing begun or typed here until it is confirmed or cancelled (only in memory,
//! wiped when dropped), and what the last exchange found.
//!
//! An exchange never fails what the parent did: the commands that change the journal only
//! nudge the worker (see `watch`), and what an exchange finds goes into the status. The pairing
//! itself, the document and the folder are the sync crates'; this module only sequences them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use nestling_journal::{moment, timer, Moment, MomentInput};
use nestling_store::Store;
use nestling_sync::{pairing, FolderTrouble, PairSecret, Report, Sharing};
use nestling_sync_folder::{Folder, Kind};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::session::{Journal, Session};
use crate::watch::{Nudge, WatchTarget};

/// Sharing's part of the open journal.
#[derive(Default)]
pub(crate) struct Sharer {
    /// The pairing as loaded for exchanges; `None` until the first one, or when not paired.
    sharing: Option<Sharing>,
    /// The secret of a pairing begun or typed here, until it is confirmed or cancelled.
    pending: Option<PairSecret>,
    /// The shared folder the parent chose for that pairing.
    chosen: Option<PathBuf>,
    /// What the last exchange found.
    found: Trouble,
    /// Rows of the partner's refused since the journal opened: they do not come again, so the
    /// status keeps saying so.
    refused: usize,
    /// Our files the partner must still read, as counted after the last exchange.
    waiting: Option<u64>,
    /// The kinds of our own files read so far, by number: a file never changes.
    own_kinds: BTreeMap<u64, Kind>,
}

/// The most of our files counted one by one; beyond it, every unacknowledged file counts.
const MOST_COUNTED: u64 = 1000;

/// A new pairing's code and the words both computers show.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairingOffer {
    /// The code to type on the other computer, in groups of four (`7KQM-2XPA-…`).
    pub code: String,
    /// Three words both computers show, for the parents to compare.
    pub phrase: String,
}

/// Why the shared folder could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FolderProblem {
    /// It cannot be found: a drive not connected, a folder moved.
    Missing,
    /// Its drive is full.
    Full,
    /// It cannot be read or written.
    Unusable,
}

/// What the last exchange found that the parent may need to know; all zero when all is well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trouble {
    /// The folder could not be used, and why.
    pub folder: Option<FolderProblem>,
    /// Files of the partner's that were damaged or tampered with, and left alone.
    pub damaged: usize,
    /// Files or folders of another pairing.
    pub other_pairs: usize,
    /// Files from a third computer in this pair's folder.
    pub strangers: usize,
    /// Files from a newer Nestling.
    pub too_new: usize,
    /// Rows of the partner's that broke one of the journal's rules and were left out.
    pub refused: usize,
    /// The exchange itself failed here (the error's kind): the journal is unchanged.
    pub failed: Option<String>,
}

/// Sharing as the Settings screen and the header show it. No journal text is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharingStatus {
    /// Whether this journal is paired.
    pub paired: bool,
    /// The name this computer shows its partner.
    pub my_name: Option<String>,
    /// The partner's name, once their first file has been read.
    pub partner_name: Option<String>,
    /// The shared folder.
    pub folder: Option<PathBuf>,
    /// When this computer was paired.
    pub paired_at: Option<DateTime<Utc>>,
    /// When a file of the partner's last changed something here.
    pub last_received_at: Option<DateTime<Utc>>,
    /// Files of ours the partner has not yet acknowledged.
    pub files_waiting: u64,
    /// When the partner unpaired on their computer.
    pub partner_left_at: Option<DateTime<Utc>>,
    /// What the last exchange found.
    pub trouble: Trouble,
}

/// What a background exchange changed, for the shell to tell the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchanged {
    /// Rows of the journal changed: the screen showing them should be drawn again.
    pub journal: bool,
    /// The status changed (a name, a time, a trouble): the header and Settings show it anew.
    pub status: bool,
}

impl Trouble {
    fn of(report: &Report, refused: usize) -> Trouble {
        Trouble {
            folder: report.folder.map(|trouble| match trouble {
                FolderTrouble::Missing => FolderProblem::Missing,
                FolderTrouble::Full => FolderProblem::Full,
                FolderTrouble::Unusable => FolderProblem::Unusable,
            }),
            damaged: report.damaged,
            other_pairs: report.other_pairs,
            strangers: report.strangers,
            too_new: report.too_new,
            refused,
            failed: None,
        }
    }
}

impl Sharer {
    /// One exchange on the open `store`, kept in the status whatever happens; `None` when the
    /// journal is not paired.
    fn exchange(&mut self, store: &Store, now: DateTime<Utc>) -> Result<Option<Report>> {
        if self.sharing.is_none() {
            self.sharing = Sharing::open(store.conn())?;
        }
        let Some(sharing) = self.sharing.as_mut() else {
            return Ok(None);
        };
        match sharing.exchange(store.conn(), now) {
            Ok(report) => {
                self.refused += report.received.refused;
                self.found = Trouble::of(&report, self.refused);
                self.waiting = self.count_waiting(store);
                Ok(Some(report))
            }
            Err(err) => {
                // The journal is the truth: load the pairing from it again next time.
                self.sharing = None;
                self.found.failed = Some(err.kind().to_owned());
                Err(err.into())
            }
        }
    }

    /// How many of our files the partner has not acknowledged and must still read. An
    /// acknowledgement or a goodbye is never answered, so one that is the newest of our files
    /// would otherwise wait for ever.
    fn count_waiting(&mut self, store: &Store) -> Option<u64> {
        let p = pairing::get(store.conn()).ok()??;
        let unanswered = p.sent_seq.saturating_sub(p.acked_seq);
        if unanswered > MOST_COUNTED {
            return Some(unanswered);
        }
        let folder = Folder::new(&p.folder, &p.secret.keys(), p.device);
        let mut waiting = 0;
        for seq in p.acked_seq + 1..=p.sent_seq {
            let kind = match self.own_kinds.get(&seq) {
                Some(kind) => Some(*kind),
                None => folder.own_kind(seq),
            };
            if let Some(kind) = kind {
                self.own_kinds.insert(seq, kind);
            }
            // A file that cannot be read (the folder is away) still waits.
            waiting += u64::from(!matches!(kind, Some(Kind::Ack | Kind::Goodbye)));
        }
        self.own_kinds.retain(|seq, _| *seq > p.acked_seq);
        Some(waiting)
    }

    /// The status, read from the journal with what the last exchange found.
    fn status(&self, store: &Store) -> Result<SharingStatus> {
        let Some(p) = pairing::get(store.conn())? else {
            return Ok(SharingStatus::default());
        };
        Ok(SharingStatus {
            paired: true,
            my_name: Some(p.my_name),
            partner_name: p.partner.map(|(_, name)| name).filter(|n| !n.is_empty()),
            folder: Some(p.folder),
            paired_at: Some(p.paired_at),
            last_received_at: p.received_at,
            files_waiting: self
                .waiting
                .unwrap_or_else(|| p.sent_seq.saturating_sub(p.acked_seq)),
            partner_left_at: p.partner_left_at,
            trouble: self.found.clone(),
        })
    }

    fn forget(&mut self) {
        *self = Sharer::default();
    }
}

impl Session {
    /// Runs `f` with the open journal and its sharing, or returns why it is not open.
    fn with_sharer<T>(&self, f: impl FnOnce(&mut Store, &mut Sharer) -> Result<T>) -> Result<T> {
        self.touch();
        match &mut *self.journal()? {
            Journal::Open(store, sharer) => f(store, sharer),
            Journal::Locked => Err(nestling_store::Error::Locked.into()),
            Journal::Failed(err) => Err(Error::Unavailable(err.clone())),
        }
    }

    /// Starts pairing on this computer: a new secret, kept until [`Session::confirm_pairing`]
    /// or [`Session::cancel_pairing`]; returns its code and check words to show.
    pub fn begin_pairing(&self) -> Result<PairingOffer> {
        self.with_sharer(|store, sharer| {
            refuse_if_paired(store)?;
            let secret = PairSecret::generate().map_err(nestling_sync::Error::from)?;
            let offer = PairingOffer {
                code: secret.code().to_string(),
                phrase: secret.check_phrase(),
            };
            sharer.pending = Some(secret);
            Ok(offer)
        })
    }

    /// Reads a code typed from the other computer; returns the check words to compare, and
    /// keeps its secret for [`Session::confirm_pairing`]. A typo or a wrong length is refused.
    pub fn check_code(&self, typed: &str) -> Result<String> {
        self.with_sharer(|store, sharer| {
            refuse_if_paired(store)?;
            let secret = PairSecret::from_code(typed).map_err(nestling_sync::Error::from)?;
            let phrase = secret.check_phrase();
            sharer.pending = Some(secret);
            Ok(phrase)
        })
    }

    /// Forgets a pairing begun or typed here and not confirmed, and the folder chosen for it.
    pub fn cancel_pairing(&self) -> Result<()> {
        self.with_sharer(|_, sharer| {
            sharer.pending = None;
            sharer.chosen = None;
            Ok(())
        })
    }

    /// Keeps the shared folder the parent chose in the dialog, for [`Session::confirm_pairing`];
    /// the page only ever sees where it is, and cannot name a folder itself.
    pub fn hold_share_folder(&self, folder: PathBuf) -> Result<()> {
        self.with_sharer(|_, sharer| {
            sharer.chosen = Some(folder);
            Ok(())
        })
    }

    /// Pairs this journal with the secret begun or typed here and the folder chosen, showing
    /// the partner `name`, and runs the first exchange (what it finds goes into the status).
    pub fn confirm_pairing(&self, name: &str, now: DateTime<Utc>) -> Result<SharingStatus> {
        self.with_sharer(|store, sharer| {
            let secret = sharer.pending.as_ref().ok_or(Error::NoPairingCode)?;
            let folder = sharer.chosen.as_deref().ok_or(Error::NoShareFolder)?;
            pairing::pair(store.conn(), secret, name, folder, now)?;
            sharer.forget();
            let _ = sharer.exchange(store, now);
            self.sharing_work.nudge();
            sharer.status(store)
        })
    }

    /// One exchange now, as the parent asked; what it finds is also kept for the status.
    pub fn exchange_now(&self, now: DateTime<Utc>) -> Result<Report> {
        self.with_sharer(|store, sharer| {
            sharer
                .exchange(store, now)?
                .ok_or_else(|| nestling_sync::Error::NotPaired.into())
        })
    }

    /// Sharing as it stands: paired or not, names, folder, times, and any trouble.
    pub fn sharing_status(&self) -> Result<SharingStatus> {
        self.with_sharer(|store, sharer| sharer.status(store))
    }

    /// Ends sharing on this computer: a goodbye in the folder (when it can be reached), and
    /// the pairing forgotten. Every moment stays, the partner's included.
    pub fn unpair(&self) -> Result<()> {
        self.with_sharer(|store, sharer| {
            let sharing = match sharer.sharing.take() {
                Some(sharing) => sharing,
                None => Sharing::open(store.conn())?.ok_or(nestling_sync::Error::NotPaired)?,
            };
            sharer.forget();
            sharing.unpair(store.conn())?;
            Ok(())
        })
    }

    /// Saves a new moment logged here; while paired, it shares how the parent felt when the
    /// parent chose that by default in Settings.
    pub fn log_moment(&self, input: &MomentInput, now: DateTime<Utc>) -> Result<Moment> {
        self.with_store(|store| {
            let logged = moment::insert(store.conn(), input, now)?;
            Ok(shared_by_default(store, logged, now))
        })
    }

    /// Stops a timer and saves its moment, which, like a moment logged here, shares how the
    /// parent felt when they chose that by default.
    pub fn stop_timer(&self, id: i64, now: DateTime<Utc>) -> Result<Moment> {
        self.with_store(|store| {
            let stopped = timer::stop(store.conn(), id, now)?;
            Ok(shared_by_default(store, stopped, now))
        })
    }

    /// Ticks or unticks "share how I felt" on one moment written here.
    pub fn set_share_feelings(&self, id: i64, share: bool, now: DateTime<Utc>) -> Result<Moment> {
        self.with_store(|store| Ok(moment::set_share_feelings(store.conn(), id, share, now)?))
    }

    /// What the shell's worker asks for an exchange through (see [`crate::Nudge`]).
    pub fn sharing_work(&self) -> &Nudge {
        &self.sharing_work
    }

    /// An exchange for the background worker: nothing while the journal is not open or not
    /// paired, and failures only go into the status. It does not count as the parent being
    /// here, so it never keeps an idle journal from locking.
    pub fn exchange_in_background(&self, now: DateTime<Utc>) -> Option<Exchanged> {
        let mut journal = self.journal().ok()?;
        let Journal::Open(store, sharer) = &mut *journal else {
            return None;
        };
        let before = sharer.status(store).ok()?;
        let report = sharer.exchange(store, now);
        if matches!(report, Ok(None)) {
            return None;
        }
        let after = sharer.status(store).ok()?;
        Some(Exchanged {
            journal: report.is_ok_and(|r| r.is_some_and(|r| r.received != Default::default())),
            status: before != after,
        })
    }

    /// Where the partner's files arrive, for the worker's [`crate::FolderWatch`]; `None` while
    /// the journal is not open or not paired, or the folder cannot be found.
    pub fn watch_target(&self) -> Option<WatchTarget> {
        let journal = self.journal().ok()?;
        let Journal::Open(store, _) = &*journal else {
            return None;
        };
        let p = pairing::get(store.conn()).ok()??;
        let folder = Folder::new(&p.folder, &p.secret.keys(), p.device);
        WatchTarget::choose(&p.folder, &folder.pair_dir(), folder.own_dir())
    }
}

fn refuse_if_paired(store: &Store) -> Result<()> {
    match pairing::get(store.conn())? {
        Some(_) => Err(nestling_sync::Error::AlreadyPaired.into()),
        None => Ok(()),
    }
}

/// `logged` with its feelings shared when the journal is paired and the parent chose to share
/// by default. If that cannot be written, the moment stays unshared: the safe side.
fn shared_by_default(store: &Store, logged: Moment, now: DateTime<Utc>) -> Moment {
    let conn = store.conn();
    let paired = matches!(pairing::get(conn), Ok(Some(_)));
    let chosen = nestling_store::settings::get_all(conn).is_ok_and(|s| s.share_feelings_by_default);
    if !(paired && chosen) || logged.share_feelings {
        return logged;
    }
    moment::set_share_feelings(conn, logged.id, true, now).unwrap_or(logged)
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::time::Duration;

    use super::*;
    use crate::testing::{folder, log, moments, open, PASSPHRASE};

    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    /// Two computers, each with its own data folder, paired through `shared`: the code shown
    /// on the first is typed on the second.
    fn pair(first: &Session, second: &Session, shared: &Path) {
        let offer = first.begin_pairing().expect("a code");
        let phrase = second.check_code(&offer.code).expect("typed");
        assert_eq!(phrase, offer.phrase, "both computers show the same words");
        for session in [first, second] {
            session
                .hold_share_folder(shared.to_path_buf())
                .expect("chosen");
        }
        first.confirm_pairing("Sam", now()).expect("paired");
        second.confirm_pairing("Noor", now()).expect("paired");
    }

    fn exchange(session: &Session) -> Report {
        session.exchange_now(now()).expect("exchanged")
    }

    fn partner_moments(session: &Session) -> Vec<Moment> {
        session
            .with_store(|store| -> Result<_> {
                let ids: Vec<i64> = store
                    .conn()
                    .prepare("SELECT id FROM moment WHERE author IS NOT NULL")
                    .and_then(|mut q| q.query_map([], |r| r.get(0))?.collect())
                    .map_err(nestling_journal::Error::from)?;
                ids.into_iter()
                    .map(|id| Ok(moment::get(store.conn(), id)?))
                    .collect()
            })
            .expect("read")
    }

    #[test]
    fn a_moment_logged_on_one_computer_appears_on_the_other_after_exchanges() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        pair(&sam, &noor, shared.path());
        log(&sam, "a warm bottle by the window");
        exchange(&sam);
        let report = exchange(&noor);
        assert_eq!(report.received.written, 1, "{report:?}");
        let arrived = partner_moments(&noor);
        assert_eq!(arrived.len(), 1);
        assert!(arrived[0].from_partner);
        assert_eq!(arrived[0].note, "", "the note stays with Sam");
        assert_eq!(moments(&noor), 1);
    }

    #[test]
    fn the_status_names_both_computers_the_folder_and_when_a_change_arrived() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        assert_eq!(
            sam.sharing_status().expect("status"),
            SharingStatus::default()
        );
        pair(&sam, &noor, shared.path());
        let waiting = sam.sharing_status().expect("status");
        assert!(waiting.paired);
        assert_eq!(waiting.my_name.as_deref(), Some("Sam"));
        assert_eq!(waiting.partner_name, None, "Noor's first file not read yet");
        assert_eq!(waiting.folder.as_deref(), Some(shared.path()));
        log(&sam, "");
        exchange(&sam);
        exchange(&noor);
        let noor_sees = noor.sharing_status().expect("status");
        assert_eq!(noor_sees.partner_name.as_deref(), Some("Sam"));
        assert!(noor_sees.last_received_at.is_some());
        assert_eq!(noor_sees.trouble, Trouble::default());
        exchange(&sam);
        let sam_sees = sam.sharing_status().expect("status");
        assert_eq!(sam_sees.partner_name.as_deref(), Some("Noor"));
        assert_eq!(
            sam_sees.last_received_at, None,
            "nothing of Noor's changed Sam's journal"
        );
    }

    #[test]
    fn no_file_waits_once_both_have_read_everything() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        pair(&sam, &noor, shared.path());
        log(&sam, "");
        exchange(&sam);
        let sent = sam.sharing_status().expect("status").files_waiting;
        assert_eq!(
            sent, 1,
            "the moment waits for Noor, not the acknowledgement of her hello"
        );
        for _ in 0..3 {
            exchange(&sam);
            exchange(&noor);
        }
        assert_eq!(sam.sharing_status().expect("status").files_waiting, 0);
        // Regression: Noor's last file is an acknowledgement, which nobody answers; it was
        // counted as waiting for ever.
        assert_eq!(noor.sharing_status().expect("status").files_waiting, 0);
    }

    #[test]
    fn a_typo_or_a_wrong_length_in_a_typed_code_is_refused_and_nothing_is_kept() {
        let (a, b) = (folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        let code = sam.begin_pairing().expect("a code").code;
        let first = if code.starts_with('2') { '3' } else { '2' };
        let typo = format!("{first}{}", &code[1..]);
        let kind = |err: Error| match err {
            Error::Sync(err) => err.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(kind(noor.check_code(&typo).expect_err("typo")), "code_typo");
        assert_eq!(
            kind(noor.check_code(&code[..20]).expect_err("short")),
            "invalid_code"
        );
        let shared = folder();
        noor.hold_share_folder(shared.path().to_path_buf())
            .expect("chosen");
        let refused = noor.confirm_pairing("Noor", now());
        assert!(matches!(refused, Err(Error::NoPairingCode)), "{refused:?}");
    }

    #[test]
    fn a_cancelled_pairing_cannot_be_confirmed_and_a_paired_journal_cannot_begin_another() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        sam.begin_pairing().expect("a code");
        let unchosen = sam.confirm_pairing("Sam", now());
        assert!(
            matches!(unchosen, Err(Error::NoShareFolder)),
            "{unchosen:?}"
        );
        sam.hold_share_folder(shared.path().to_path_buf())
            .expect("chosen");
        sam.cancel_pairing().expect("cancelled");
        let refused = sam.confirm_pairing("Sam", now());
        assert!(matches!(refused, Err(Error::NoPairingCode)), "{refused:?}");
        pair(&sam, &noor, shared.path());
        let again = sam.begin_pairing().expect_err("already paired");
        assert!(matches!(
            again,
            Error::Sync(nestling_sync::Error::AlreadyPaired)
        ));
    }

    #[tokio::test]
    async fn a_code_begun_before_the_journal_locked_is_forgotten() {
        let (a, shared) = (folder(), folder());
        let sam = open(a.path());
        sam.set_passphrase(PASSPHRASE).expect("encrypted");
        sam.begin_pairing().expect("a code");
        sam.hold_share_folder(shared.path().to_path_buf())
            .expect("chosen");
        sam.lock().expect("locked");
        sam.unlock(PASSPHRASE).await.expect("unlocked");
        let refused = sam.confirm_pairing("Sam", now());
        assert!(matches!(refused, Err(Error::NoPairingCode)), "{refused:?}");
    }

    #[test]
    fn while_paired_a_moment_shares_feelings_only_when_the_parent_chose_that_by_default() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        let input: MomentInput = serde_json::from_value(serde_json::json!({
            "kindId": "rocking", "startedAt": now().to_rfc3339(), "utcOffsetSeconds": 0,
            "note": "humming",
        }))
        .expect("input");
        let choose = |on: &str| {
            sam.with_store(|store| -> Result<_> {
                Ok(nestling_store::settings::set(
                    store.conn(),
                    "shareFeelingsByDefault",
                    on,
                )?)
            })
            .expect("set")
        };
        choose("on");
        let unpaired = sam.log_moment(&input, now()).expect("logged");
        assert!(!unpaired.share_feelings, "nothing is shared before pairing");
        pair(&sam, &noor, shared.path());
        assert!(
            sam.log_moment(&input, now())
                .expect("logged")
                .share_feelings
        );
        choose("off");
        assert!(
            !sam.log_moment(&input, now())
                .expect("logged")
                .share_feelings
        );
        let shared_later = sam.log_moment(&input, now()).expect("logged");
        let ticked = sam
            .set_share_feelings(shared_later.id, true, now())
            .expect("ticked");
        assert!(ticked.share_feelings);
        exchange(&sam);
        exchange(&noor);
        let notes: Vec<String> = partner_moments(&noor).into_iter().map(|m| m.note).collect();
        assert_eq!(
            notes.iter().filter(|n| *n == "humming").count(),
            2,
            "{notes:?}"
        );
    }

    #[test]
    fn a_change_made_while_paired_asks_for_an_exchange_and_none_before() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        let work = sam.sharing_work();
        let _ = work.wait(Duration::ZERO);
        log(&sam, "");
        assert!(!work.wait(Duration::ZERO), "not paired: nothing to send");
        pair(&sam, &noor, shared.path());
        let _ = work.wait(Duration::ZERO);
        log(&sam, "");
        assert!(work.wait(Duration::ZERO), "the new moment is to be sent");
    }

    #[test]
    fn a_background_exchange_says_what_changed_and_does_nothing_when_unpaired() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        assert_eq!(sam.exchange_in_background(now()), None);
        assert_eq!(sam.watch_target(), None);
        pair(&sam, &noor, shared.path());
        assert!(sam.watch_target().is_some());
        log(&sam, "");
        sam.exchange_in_background(now()).expect("paired");
        let arrived = noor.exchange_in_background(now()).expect("paired");
        assert!(arrived.journal && arrived.status, "{arrived:?}");
        let quiet = noor.exchange_in_background(now()).expect("paired");
        assert_eq!(
            quiet,
            Exchanged {
                journal: false,
                status: false
            }
        );
    }

    #[test]
    fn a_folder_that_cannot_be_found_is_trouble_in_the_status_until_it_is_back() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        let dir = shared.path().join("stick");
        std::fs::create_dir(&dir).expect("made");
        pair(&sam, &noor, &dir);
        let away = shared.path().join("unplugged");
        std::fs::rename(&dir, &away).expect("moved");
        log(&sam, "");
        let report = exchange(&sam);
        assert_eq!(report.folder, Some(FolderTrouble::Missing));
        let status = sam.sharing_status().expect("status");
        assert_eq!(status.trouble.folder, Some(FolderProblem::Missing));
        assert_eq!(sam.watch_target(), None);
        std::fs::rename(&away, &dir).expect("back");
        assert!(exchange(&sam).sent, "the change kept for later went out");
        assert_eq!(
            sam.sharing_status().expect("status").trouble,
            Trouble::default()
        );
        exchange(&noor);
        assert_eq!(partner_moments(&noor).len(), 1);
    }

    #[test]
    fn after_unpairing_the_partner_is_told_and_nothing_new_reaches_them() {
        let (a, b, shared) = (folder(), folder(), folder());
        let (sam, noor) = (open(a.path()), open(b.path()));
        pair(&sam, &noor, shared.path());
        log(&sam, "");
        exchange(&sam);
        exchange(&noor);
        sam.unpair().expect("unpaired");
        assert!(!sam.sharing_status().expect("status").paired);
        assert!(matches!(
            sam.exchange_now(now()),
            Err(Error::Sync(nestling_sync::Error::NotPaired))
        ));
        log(&sam, "");
        exchange(&noor);
        let status = noor.sharing_status().expect("status");
        assert!(status.partner_left_at.is_some(), "{status:?}");
        assert_eq!(partner_moments(&noor).len(), 1, "the earlier moment stays");
        assert_eq!(moments(&sam), 2, "every moment stays on Sam's computer too");
    }
}
