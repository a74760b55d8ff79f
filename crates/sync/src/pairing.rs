//! The pairing of this journal with the partner's computer: the one row of `sync_pair`.
//!
//! One computer makes a [`PairSecret`] and shows its code and check phrase; the other types
//! the code and sees the same phrase; then each calls [`pair`] with the folder it sees. The
//! secret is stored in the journal, so it is encrypted with it when a passphrase is set.
//! [`unpair`] ends sharing on this computer: the pairing, the shared document and the pending
//! list go; every moment stays, the partner's included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use nestling_sync_folder::{Cursor, Cursors, DeviceId, PairSecret};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Error, Result};

/// The longest name a computer shows to its partner, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The pairing as stored.
pub struct Pairing {
    /// The shared secret.
    pub secret: PairSecret,
    /// This computer's device id.
    pub device: DeviceId,
    /// The name this computer shows its partner.
    pub my_name: String,
    /// The shared folder.
    pub folder: PathBuf,
    /// When this computer was paired.
    pub paired_at: DateTime<Utc>,
    /// The partner's device and name, once their first file was read.
    pub partner: Option<(DeviceId, String)>,
    /// What was applied of the partner's files.
    pub cursors: Cursors,
    /// When a file of the partner's last changed something here.
    pub received_at: Option<DateTime<Utc>>,
    /// The number of the last file written here.
    pub sent_seq: u64,
    /// The document's heads when that file was cut (hashes of 32 bytes, one after another).
    pub sent_heads: Vec<u8>,
    /// The last of our files the partner acknowledged.
    pub acked_seq: u64,
    /// When the partner unpaired on their side.
    pub partner_left_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Pairing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pairing")
            .field("device", &self.device)
            .field("sent_seq", &self.sent_seq)
            .field("acked_seq", &self.acked_seq)
            .finish_non_exhaustive()
    }
}

fn checked_name(raw: &str) -> Result<String> {
    let name: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    match name.chars().count() {
        1..=MAX_NAME_CHARS => Ok(name),
        _ => Err(Error::NameInvalid),
    }
}

/// Pairs this journal: stores the secret, a new device id, the name this computer shows and
/// the shared folder, which must exist. Refused when the journal is already paired.
pub fn pair(
    conn: &Connection,
    secret: &PairSecret,
    my_name: &str,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<Pairing> {
    let name = checked_name(my_name)?;
    if !folder.is_dir() {
        return Err(Error::FolderUnusable {
            path: folder.to_path_buf(),
        });
    }
    if get(conn)?.is_some() {
        return Err(Error::AlreadyPaired);
    }
    let device = DeviceId::generate()?;
    conn.execute(
        "INSERT INTO sync_pair (id, secret, device_id, my_name, folder, paired_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)",
        params![
            secret.to_bytes().as_slice(),
            device.to_string(),
            name,
            folder.to_string_lossy(),
            now.timestamp()
        ],
    )?;
    get(conn)?.ok_or(Error::NotPaired)
}

/// The pairing of this journal, if any.
pub fn get(conn: &Connection) -> Result<Option<Pairing>> {
    let row = conn
        .query_row(
            "SELECT secret, device_id, my_name, folder, paired_at, partner_id, partner_name,
                    cursors, received_at, sent_seq, ifnull(sent_heads, x''), acked_seq,
                    partner_left_at
               FROM sync_pair WHERE id = 1",
            [],
            |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    [row.get::<_, String>(1)?, row.get(2)?, row.get(3)?],
                    row.get::<_, i64>(4)?,
                    (
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, Option<String>>(6)?,
                    ),
                    row.get::<_, String>(7)?,
                    [row.get::<_, Option<i64>>(8)?, row.get(12)?],
                    [row.get::<_, i64>(9)?, row.get(11)?],
                    row.get::<_, Vec<u8>>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((secret, [device, my_name, folder], paired, partner, cursors, times, seqs, heads)) =
        row
    else {
        return Ok(None);
    };
    let at = |t: Option<i64>| t.and_then(|t| DateTime::from_timestamp(t, 0));
    let partner = match partner {
        (Some(id), name) => Some((
            id.parse().map_err(|_| Error::DeviceId)?,
            name.unwrap_or_default(),
        )),
        _ => None,
    };
    Ok(Some(Pairing {
        secret: PairSecret::from_bytes(&secret).ok_or(Error::DocumentDamaged)?,
        device: device.parse().map_err(|_| Error::DeviceId)?,
        my_name,
        folder: PathBuf::from(folder),
        paired_at: at(Some(paired)).unwrap_or_default(),
        partner,
        cursors: parse_cursors(&cursors),
        received_at: at(times[0]),
        sent_seq: seqs[0].unsigned_abs(),
        sent_heads: heads,
        acked_seq: seqs[1].unsigned_abs(),
        partner_left_at: at(times[1]),
    }))
}

fn parse_cursors(json: &str) -> Cursors {
    let by_text: BTreeMap<String, Cursor> = serde_json::from_str(json).unwrap_or_default();
    by_text
        .into_iter()
        .filter_map(|(device, cursor)| Some((device.parse().ok()?, cursor)))
        .collect()
}

/// Stores what an exchange changed in the pairing.
pub(crate) fn save(conn: &Connection, p: &Pairing) -> Result<()> {
    let cursors: BTreeMap<String, &Cursor> =
        p.cursors.iter().map(|(d, c)| (d.to_string(), c)).collect();
    let (partner_id, partner_name) = match &p.partner {
        Some((id, name)) => (Some(id.to_string()), Some(name.clone())),
        None => (None, None),
    };
    conn.execute(
        "UPDATE sync_pair SET partner_id = ?1, partner_name = ?2, cursors = ?3, received_at = ?4,
                sent_seq = ?5, sent_heads = ?6, acked_seq = ?7, partner_left_at = ?8
          WHERE id = 1",
        params![
            partner_id,
            partner_name,
            serde_json::to_string(&cursors).unwrap_or_else(|_| "{}".into()),
            p.received_at.map(|t| t.timestamp()),
            i64::try_from(p.sent_seq).unwrap_or(i64::MAX),
            p.sent_heads,
            i64::try_from(p.acked_seq).unwrap_or(i64::MAX),
            p.partner_left_at.map(|t| t.timestamp()),
        ],
    )?;
    Ok(())
}

/// Ends sharing on this computer: forgets the pairing, the shared document and what was
/// pending. Every moment stays. Nothing written here afterwards reaches the partner.
pub fn unpair(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "SAVEPOINT nestling_unpair;
         DELETE FROM sync_pair; DELETE FROM sync_doc; DELETE FROM sync_pending;
         RELEASE nestling_unpair;",
    )?;
    Ok(())
}
