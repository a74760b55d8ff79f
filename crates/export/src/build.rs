//! Building a [`Report`] from the journal and a [`Selection`].
//!
//! The moments are read once (live, not private, in the range, of the chosen kinds and babies),
//! the ones the parent unticked are dropped, and each becomes an [`Entry`] with the parts the
//! parent did not share left empty. Private moments never reach this module's output: they are
//! filtered out in SQL and checked again in [`crate::source`].
//!
//! Check-ins come from the journal's own list of the ones the parent marked for the report
//! (live, in the range); each becomes a [`CheckInAnswers`], which has no safety answer.

use chrono::NaiveDate;
use nestling_journal::{check_in, CheckIn, Moment, Who};
use rusqlite::Connection;

use crate::report::{CheckInAnswers, Day, Entry, Include, Report};
use crate::selection::{Resolved, Selection};
use crate::source::{self, Names};
use crate::summary;
use crate::Result;

/// Builds the report `selection` describes, for a parent whose local date is `today`.
pub fn build_report(
    conn: &Connection,
    selection: &Selection,
    parent_name: Option<&str>,
    today: NaiveDate,
) -> Result<Report> {
    let sel = selection.resolve(today)?;
    let names = Names::read(conn)?;
    let moments = included(conn, &sel)?;
    let entries: Vec<Entry> = moments
        .iter()
        .map(|m| entry(m, &names, sel.include))
        .collect();
    let (shared, check_ins) = shared_check_ins(conn, &sel)?;
    let mut summary = summary::summarize(&entries, &sel, &names);
    summary.weekly = summary::weekly(&moments, &shared, &sel, &names);
    Ok(Report {
        summary,
        title: sel.title,
        prepared_for: sel.prepared_for,
        parent_name: parent_name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        first_day: sel.first,
        last_day: sel.last,
        generated_on: today,
        include: sel.include,
        days: by_day(entries),
        check_ins,
    })
}

/// The check-ins the parent marked for the report, when the report shares check-ins, and
/// their answers as the report prints them.
fn shared_check_ins(
    conn: &Connection,
    sel: &Resolved,
) -> Result<(Vec<CheckIn>, Vec<CheckInAnswers>)> {
    if !sel.include.check_ins {
        return Ok((Vec::new(), Vec::new()));
    }
    let marked = check_in::list_for_report(conn, sel.first, sel.last)?;
    let answers = marked.iter().map(|c| answers(c, sel.include)).collect();
    Ok((marked, answers))
}

fn answers(c: &CheckIn, include: Include) -> CheckInAnswers {
    CheckInAnswers {
        id: c.id,
        taken_at: c.taken_local,
        date: c.local_date,
        time: c.taken_local.format("%H:%M").to_string(),
        mood: c.mood,
        closeness: c.closeness,
        worry: c.worry,
        sleep_minutes: c.sleep_minutes,
        supported: c.supported,
        note: c.note.clone().filter(|_| include.notes),
        answers: Vec::new(),
    }
    .with_answers()
}

/// The moments a resolved selection shares: shareable and not unticked, oldest first.
pub(crate) fn included(conn: &Connection, sel: &Resolved) -> Result<Vec<Moment>> {
    Ok(source::shareable(conn, sel)?
        .into_iter()
        .filter(|m| !sel.excluded.contains(&m.id))
        .collect())
}

fn entry(m: &Moment, names: &Names, include: Include) -> Entry {
    let (kind, emoji, _) = names.kind(&m.kind_id);
    Entry {
        id: m.id,
        started_at: m.start_local,
        ended_at: m.end_local,
        start: m.start_local.format("%H:%M").to_string(),
        end: m.end_local.map(|e| e.format("%H:%M").to_string()),
        duration_minutes: m.duration_minutes,
        kind_id: m.kind_id.clone(),
        kind,
        emoji,
        detail: m.detail.as_deref().map(|d| names.detail(&m.kind_id, d)),
        baby: names.baby(m.baby_id),
        who: who(&m.who),
        connection: m.connection.filter(|_| include.ratings),
        energy: m.energy.filter(|_| include.ratings),
        feelings: match include.feelings {
            true => m.feelings.clone(),
            false => Vec::new(),
        },
        note: Some(m.note.clone()).filter(|n| include.notes && !n.trim().is_empty()),
    }
}

/// "Me", "Partner" or the caregiver's name.
pub(crate) fn who(who: &Who) -> String {
    match who {
        Who::Me => "Me".into(),
        Who::Partner => "Partner".into(),
        Who::Caregiver(name) => name.clone(),
    }
}

/// Groups entries (oldest first) into days; every day has at least one entry.
fn by_day(entries: Vec<Entry>) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for e in entries {
        let date = e.started_at.date_naive();
        match days.last_mut() {
            Some(day) if day.date == date => day.entries.push(e),
            _ => days.push(Day {
                date,
                entries: vec![e],
            }),
        }
    }
    days
}
