//! Reading what a selection covers from the journal: its live moments, and the names of kinds,
//! details and babies to show with them.
//!
//! Moments come from the journal's own range query, so "live", "local day" and the order of a
//! day mean exactly what they mean everywhere else in Nestling. Private moments are filtered out
//! here, in SQL, before anything else sees them; they are only ever counted.

use std::collections::HashMap;

use nestling_journal::{baby, kind, query, Filter, Moment};
use rusqlite::Connection;

use crate::selection::Resolved;
use crate::Result;

/// A kind's name, emoji and position, and the names of its details.
#[derive(Debug, Clone)]
pub(crate) struct KindInfo {
    pub(crate) name: String,
    pub(crate) emoji: String,
    pub(crate) position: usize,
    pub(crate) details: HashMap<String, String>,
}

/// The names the journal gives to kinds and babies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    pub(crate) kinds: HashMap<String, KindInfo>,
    pub(crate) babies: HashMap<i64, String>,
}

impl Names {
    /// Reads every kind (hidden ones too) and every baby (archived ones too).
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let kinds = kind::list(conn)?
            .into_iter()
            .enumerate()
            .map(|(position, k)| {
                let details = k.details.into_iter().map(|d| (d.id, d.name)).collect();
                let info = KindInfo {
                    name: k.name,
                    emoji: k.emoji,
                    position,
                    details,
                };
                (k.id, info)
            })
            .collect();
        let babies = baby::list(conn)?
            .into_iter()
            .map(|b| (b.id, b.name))
            .collect();
        Ok(Self { kinds, babies })
    }

    /// The kind's name, emoji and position; an id with no kind shows as itself.
    pub(crate) fn kind(&self, id: &str) -> (String, String, usize) {
        match self.kinds.get(id) {
            Some(k) => (k.name.clone(), k.emoji.clone(), k.position),
            None => (id.to_owned(), String::new(), usize::MAX),
        }
    }

    /// The name of a kind's detail, or the detail's id when the kind does not name it.
    pub(crate) fn detail(&self, kind_id: &str, detail: &str) -> String {
        self.kinds
            .get(kind_id)
            .and_then(|k| k.details.get(detail))
            .cloned()
            .unwrap_or_else(|| detail.to_owned())
    }

    /// The baby's name.
    pub(crate) fn baby(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|id| self.babies.get(&id).cloned())
    }
}

/// The live, non-private moments of the range that match the kinds and babies chosen,
/// oldest first (single exclusions are NOT applied here).
///
/// A moment written on the partner's computer keeps its care but loses its feelings (note,
/// feeling words, tags, ratings): the partner shared them with the parent, not with the
/// parent's therapist.
pub(crate) fn shareable(conn: &Connection, sel: &Resolved) -> Result<Vec<Moment>> {
    let moments = in_range(conn, sel, false)?;
    // Checked again, so no future change of the query can let a private moment through.
    Ok(moments
        .into_iter()
        .filter(|m| !m.private)
        .map(care_only_when_from_partner)
        .collect())
}

fn care_only_when_from_partner(m: Moment) -> Moment {
    match m.from_partner {
        false => m,
        true => Moment {
            connection: None,
            energy: None,
            feelings: Vec::new(),
            note: String::new(),
            tags: Vec::new(),
            ..m
        },
    }
}

/// How many live private moments the range would otherwise cover.
pub(crate) fn private_count(conn: &Connection, sel: &Resolved) -> Result<u32> {
    let count = in_range(conn, sel, true)?.len();
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

fn in_range(conn: &Connection, sel: &Resolved, private: bool) -> Result<Vec<Moment>> {
    let filter = Filter {
        private: Some(private),
        ..Filter::default()
    };
    let listing = query::list_between(conn, sel.first, sel.last, &filter)?;
    Ok(listing
        .moments
        .into_iter()
        .filter(|m| sel.matches(&m.kind_id, m.baby_id))
        .collect())
}
