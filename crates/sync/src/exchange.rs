//! One exchange with the partner through the shared folder: what changed here goes out as a
//! sealed file, the partner's new files come in and are written into the journal.
//!
//! An exchange, in order:
//! 1. The journal's pending changes go into the shared document (the first exchange after
//!    pairing puts in everything that may be shared, and says hello with this computer's name).
//! 2. If the document holds anything the last file did not, the changes since then are written
//!    as the next file of this computer.
//! 3. The partner's new files are read: a hello gives their name, changes are merged and
//!    written into the journal, an acknowledgement says which of ours they applied, a goodbye
//!    that they unpaired. Each file is marked as applied once it has been.
//! 4. Having applied something of theirs, this computer acknowledges it; its own files that
//!    the partner acknowledged are removed from the folder (the newest one always stays).
//!
//! A folder that cannot be reached does not fail the exchange: the journal keeps its changes,
//! and the next exchange sends them. What went wrong is in the [`Report`] for the status.

use chrono::{DateTime, Utc};
use nestling_sync_folder::{ack_payload, Folder, Incoming, Kind, ProblemKind};
use rusqlite::Connection;

use crate::pairing::{self, Pairing};
use crate::replica::{has_document, Received, Replica};
use crate::{Error, Result};

/// Why the folder could not be used in an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderTrouble {
    /// It cannot be found (a drive not connected, a folder moved).
    Missing,
    /// It is full.
    Full,
    /// Another failure of reading or writing it.
    Unusable,
}

/// What one exchange did and found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Whether a file of this computer's changes was written.
    pub sent: bool,
    /// What the partner's files changed in the journal.
    pub received: Received,
    /// How many of the partner's files were applied.
    pub files_applied: usize,
    /// Files still being copied into the folder (tried again next time).
    pub incomplete: usize,
    /// Files that failed their seal or cannot be read: tampered with or damaged.
    pub damaged: usize,
    /// Files from a newer Nestling.
    pub too_new: usize,
    /// Files or folders of another pairing.
    pub other_pairs: usize,
    /// Files from a computer that is not the partner.
    pub strangers: usize,
    /// Whether the folder could not be used, and why.
    pub folder: Option<FolderTrouble>,
}

fn trouble(err: &Error) -> Option<FolderTrouble> {
    match err {
        Error::Folder(nestling_sync_folder::Error::FolderMissing { .. }) => {
            Some(FolderTrouble::Missing)
        }
        Error::Folder(nestling_sync_folder::Error::FolderFull { .. }) => Some(FolderTrouble::Full),
        Error::Folder(_) => Some(FolderTrouble::Unusable),
        _ => None,
    }
}

/// Sharing on this computer: the pairing, the shared document and the folder.
pub struct Sharing {
    pairing: Pairing,
    replica: Replica,
    folder: Folder,
}

impl Sharing {
    /// Sharing as this journal is paired, or `None` when it is not.
    pub fn open(conn: &Connection) -> Result<Option<Sharing>> {
        let Some(pairing) = pairing::get(conn)? else {
            return Ok(None);
        };
        let replica = Replica::open(conn, &pairing.device.to_string())?;
        let folder = Folder::new(&pairing.folder, &pairing.secret.keys(), pairing.device);
        Ok(Some(Sharing {
            pairing,
            replica,
            folder,
        }))
    }

    /// The pairing as of the last exchange.
    pub fn pairing(&self) -> &Pairing {
        &self.pairing
    }

    /// One exchange, as described in the module's header.
    pub fn exchange(&mut self, conn: &Connection, now: DateTime<Utc>) -> Result<Report> {
        let mut report = Report::default();
        let first = !has_document(conn)?;
        match first {
            true => self.replica.record_everything(conn)?,
            false => self.replica.record(conn)?,
        };
        if let Err(err) = self.send(first, &mut report) {
            report.folder = Some(trouble(&err).ok_or(err)?);
        }
        if report.folder.is_none() {
            if let Err(err) = self.receive(conn, now, &mut report) {
                report.folder = Some(trouble(&err).ok_or(err)?);
            }
        }
        pairing::save(conn, &self.pairing)?;
        Ok(report)
    }

    fn next_seq(&self) -> Result<u64> {
        Ok(self.folder.next_seq()?.max(self.pairing.sent_seq + 1))
    }

    fn write(&mut self, kind: Kind, payload: &[u8]) -> Result<()> {
        let seq = self.next_seq()?;
        self.folder.write(kind, seq, payload)?;
        self.pairing.sent_seq = seq;
        Ok(())
    }

    fn send(&mut self, first: bool, report: &mut Report) -> Result<()> {
        if first || self.pairing.sent_seq == 0 {
            self.write(Kind::Hello, self.pairing.my_name.clone().as_bytes())?;
        }
        let heads = self.replica.heads();
        let flat: Vec<u8> = heads.iter().flat_map(|h| h.0).collect();
        if flat == self.pairing.sent_heads {
            return Ok(());
        }
        let since: Vec<_> = self
            .pairing
            .sent_heads
            .chunks_exact(32)
            .filter_map(|c| <[u8; 32]>::try_from(c).ok().map(automerge::ChangeHash))
            .collect();
        let changes = self.replica.own_changes_since(&since);
        if !changes.is_empty() {
            self.write(Kind::Changes, &changes)?;
            report.sent = true;
        }
        self.pairing.sent_heads = flat;
        Ok(())
    }

    fn receive(
        &mut self,
        conn: &Connection,
        now: DateTime<Utc>,
        report: &mut Report,
    ) -> Result<()> {
        let scan = self.folder.scan(&self.pairing.cursors)?;
        report.other_pairs = scan.unknown_pairs;
        for problem in &scan.problems {
            match problem.kind {
                ProblemKind::Incomplete => report.incomplete += 1,
                ProblemKind::Damaged => report.damaged += 1,
                ProblemKind::TooNew => report.too_new += 1,
                ProblemKind::OtherPair => report.other_pairs += 1,
            }
        }
        let mut applied_something = false;
        for file in scan.incoming {
            if !self.is_partner(&file) {
                report.strangers += 1;
                continue;
            }
            applied_something |= self.apply(conn, &file, now, report)?;
            self.pairing
                .cursors
                .entry(file.device)
                .or_default()
                .mark(file.seq);
            report.files_applied += 1;
        }
        if applied_something {
            self.acknowledge()?;
        }
        let acked = self.pairing.acked_seq.min(self.pairing.sent_seq);
        self.folder.prune_through(acked)?;
        Ok(())
    }

    /// The first device heard from is the partner; files of any other are not read.
    fn is_partner(&mut self, file: &Incoming) -> bool {
        match &self.pairing.partner {
            Some((device, _)) => *device == file.device,
            None => {
                self.pairing.partner = Some((file.device, String::new()));
                true
            }
        }
    }

    /// Applies one file of the partner's; returns whether it is one to acknowledge.
    fn apply(
        &mut self,
        conn: &Connection,
        file: &Incoming,
        now: DateTime<Utc>,
        report: &mut Report,
    ) -> Result<bool> {
        match file.kind {
            Kind::Hello => {
                let name = String::from_utf8_lossy(&file.payload)
                    .chars()
                    .take(60)
                    .collect();
                self.pairing.partner = Some((file.device, name));
                Ok(true)
            }
            Kind::Changes | Kind::Snapshot => {
                match self.replica.receive(conn, &file.payload) {
                    Ok(received) => {
                        report.received.written += received.written;
                        report.received.removed += received.removed;
                        report.received.refused += received.refused;
                        if received.written + received.removed > 0 {
                            self.pairing.received_at = Some(now);
                        }
                    }
                    Err(Error::ChangesDamaged) => report.damaged += 1,
                    Err(other) => return Err(other),
                }
                Ok(true)
            }
            Kind::Ack => {
                let through = file.acked_through().unwrap_or(0);
                self.pairing.acked_seq = self.pairing.acked_seq.max(through);
                Ok(false)
            }
            Kind::Goodbye => {
                self.pairing.partner_left_at = Some(now);
                Ok(false)
            }
        }
    }

    fn acknowledge(&mut self) -> Result<()> {
        let Some((partner, _)) = &self.pairing.partner else {
            return Ok(());
        };
        let through = self.pairing.cursors.get(partner).map_or(0, |c| c.through());
        self.write(Kind::Ack, &ack_payload(through))
    }

    /// Says goodbye in the folder (when it can be reached) and unpairs this journal.
    pub fn unpair(mut self, conn: &Connection) -> Result<()> {
        // Best effort: a folder that cannot be reached cannot be told.
        let _ = self.write(Kind::Goodbye, &[]);
        pairing::unpair(conn)
    }
}
