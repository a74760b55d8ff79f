//! The document's records to and from the journal's: field for field, nothing checked here
//! (the journal checks what is restored, with its own rules and limits).

use nestling_journal::records as j;
use nestling_journal::{CheckInInput, ContactInput, MomentInput};

use super::doc::{
    BabyRecord, CheckInRecord, ContactRecord, DetailRecord, Document, KindRecord, MomentRecord,
    TimerRecord, WordRecord,
};

pub(super) fn baby(b: &j::BabyRecord) -> BabyRecord {
    BabyRecord {
        id: b.id,
        name: b.name.clone(),
        birth_date: b.birth_date,
        archived_at: b.archived_at,
        created_at: b.created_at,
    }
}

pub(super) fn kind(k: &j::KindRecord) -> KindRecord {
    KindRecord {
        id: k.id.clone(),
        name: k.name.clone(),
        emoji: k.emoji.clone(),
        timed: k.timed,
        built_in: k.built_in,
        hidden: k.hidden,
        position: k.position,
        created_at: k.created_at,
        details: k
            .details
            .iter()
            .map(|d| DetailRecord {
                id: d.id.clone(),
                name: d.name.clone(),
                position: d.position,
            })
            .collect(),
    }
}

pub(super) fn word(w: &j::WordRecord) -> WordRecord {
    WordRecord {
        word: w.word.clone(),
        position: w.position,
        created_at: w.created_at,
    }
}

pub(super) fn moment(r: &j::MomentRecord) -> MomentRecord {
    let m = &r.moment;
    MomentRecord {
        id: r.id,
        kind_id: m.kind_id.clone(),
        detail: m.detail.clone(),
        started_at: m.started_at,
        utc_offset_seconds: m.utc_offset_seconds,
        ended_at: m.ended_at,
        baby_id: m.baby_id,
        who: m.who.clone(),
        connection: m.connection,
        energy: m.energy,
        feelings: m.feelings.clone(),
        tags: m.tags.clone(),
        note: m.note.clone(),
        private: m.private,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
    }
}

pub(super) fn timer(t: &j::TimerRecord) -> TimerRecord {
    TimerRecord {
        id: t.id,
        kind_id: t.kind_id.clone(),
        detail: t.detail.clone(),
        baby_id: t.baby_id,
        who: t.who.clone(),
        started_at: t.started_at,
        utc_offset_seconds: t.utc_offset_seconds,
    }
}

pub(super) fn check_in(r: &j::CheckInRecord) -> CheckInRecord {
    let a = &r.answers;
    CheckInRecord {
        id: r.id,
        taken_at: a.taken_at,
        utc_offset_seconds: a.utc_offset_seconds,
        mood: a.mood,
        closeness: a.closeness,
        worry: a.worry,
        sleep_minutes: a.sleep_minutes,
        supported: a.supported,
        safety: a.safety,
        note: a.note.clone(),
        in_report: a.in_report,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
    }
}

pub(super) fn contact(r: &j::ContactRecord) -> ContactRecord {
    let c = &r.contact;
    ContactRecord {
        id: r.id,
        role: c.role,
        name: c.name.clone(),
        phone: c.phone.clone(),
        notes: c.notes.clone(),
        position: r.position,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// Everything a document holds, as the journal's records.
pub(super) fn records(doc: &Document) -> j::Records {
    j::Records {
        babies: doc.babies.iter().map(to_baby).collect(),
        kinds: doc.kinds.iter().map(to_kind).collect(),
        feeling_words: doc.feeling_words.iter().map(to_word).collect(),
        moments: doc.moments.iter().map(to_moment).collect(),
        timers: doc.timers.iter().map(to_timer).collect(),
        check_ins: doc.check_ins.iter().map(to_check_in).collect(),
        care_team: doc.care_team.iter().flatten().map(to_contact).collect(),
    }
}

fn to_baby(b: &BabyRecord) -> j::BabyRecord {
    j::BabyRecord {
        id: b.id,
        name: b.name.clone(),
        birth_date: b.birth_date,
        archived_at: b.archived_at,
        created_at: b.created_at,
    }
}

fn to_kind(k: &KindRecord) -> j::KindRecord {
    j::KindRecord {
        id: k.id.clone(),
        name: k.name.clone(),
        emoji: k.emoji.clone(),
        timed: k.timed,
        built_in: k.built_in,
        hidden: k.hidden,
        position: k.position,
        created_at: k.created_at,
        details: k
            .details
            .iter()
            .map(|d| j::DetailRecord {
                id: d.id.clone(),
                name: d.name.clone(),
                position: d.position,
            })
            .collect(),
    }
}

fn to_word(w: &WordRecord) -> j::WordRecord {
    j::WordRecord {
        word: w.word.clone(),
        position: w.position,
        created_at: w.created_at,
    }
}

fn to_moment(m: &MomentRecord) -> j::MomentRecord {
    j::MomentRecord {
        id: m.id,
        moment: MomentInput {
            kind_id: m.kind_id.clone(),
            detail: m.detail.clone(),
            started_at: m.started_at,
            utc_offset_seconds: m.utc_offset_seconds,
            ended_at: m.ended_at,
            baby_id: m.baby_id,
            who: m.who.clone(),
            connection: m.connection,
            energy: m.energy,
            feelings: m.feelings.clone(),
            note: m.note.clone(),
            private: m.private,
            tags: m.tags.clone(),
        },
        created_at: m.created_at,
        updated_at: m.updated_at,
        deleted_at: m.deleted_at,
    }
}

fn to_timer(t: &TimerRecord) -> j::TimerRecord {
    j::TimerRecord {
        id: t.id,
        kind_id: t.kind_id.clone(),
        detail: t.detail.clone(),
        baby_id: t.baby_id,
        who: t.who.clone(),
        started_at: t.started_at,
        utc_offset_seconds: t.utc_offset_seconds,
    }
}

fn to_check_in(r: &CheckInRecord) -> j::CheckInRecord {
    j::CheckInRecord {
        id: r.id,
        answers: CheckInInput {
            taken_at: r.taken_at,
            utc_offset_seconds: r.utc_offset_seconds,
            mood: r.mood,
            closeness: r.closeness,
            worry: r.worry,
            sleep_minutes: r.sleep_minutes,
            supported: r.supported,
            safety: r.safety,
            note: r.note.clone(),
            in_report: r.in_report,
        },
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
    }
}

fn to_contact(r: &ContactRecord) -> j::ContactRecord {
    j::ContactRecord {
        id: r.id,
        contact: ContactInput {
            role: r.role,
            name: r.name.clone(),
            phone: r.phone.clone(),
            notes: r.notes.clone(),
        },
        position: r.position,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}
