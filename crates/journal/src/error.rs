//! The journal's error type.
//!
//! Every message is a plain sentence the UI shows to the parent as it is: what is wrong and how
//! to put it right. Variants carry ids and counts, never journal text: no note, feeling word,
//! tag or name typed by the parent ever appears in an error, a log line or a panic. The few ids
//! that come from the UI (a kind id, a detail id) are shortened and stripped of control
//! characters before they are kept.

/// Everything that can go wrong in the journal.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The end of a moment comes before its start.
    #[error("The end time is before the start time. Please check both times.")]
    EndBeforeStart,
    /// The start of a moment is more than five minutes ahead of the clock.
    #[error(
        "The start time is more than 5 minutes in the future. Please check the time and the date."
    )]
    StartInFuture,
    /// The end of a moment is more than five minutes ahead of the clock.
    #[error(
        "The end time is more than 5 minutes in the future. Please check the time and the date."
    )]
    EndInFuture,
    /// The start of a moment is before the year 2000, which is surely a slip of the date picker.
    #[error("The start time is before the year 2000. Please check the date.")]
    StartTooEarly,
    /// A moment lasting more than a day.
    #[error("A moment can last up to 24 hours. Please check the start and end times.")]
    TooLong,
    /// A UTC offset outside the range any time zone uses.
    #[error("The time zone offset must be between \u{2212}12:00 and +14:00. Please check the computer\u{2019}s time zone setting.")]
    OffsetOutOfRange {
        /// The offset that was given, in seconds east of UTC.
        seconds: i64,
    },
    /// A connection rating outside 1 to 5.
    #[error("Connection is rated from 1 to 5. Please choose one of those, or leave it empty.")]
    ConnectionOutOfRange {
        /// The rating that was given.
        value: i64,
    },
    /// An energy rating outside 1 to 5.
    #[error("Energy is rated from 1 to 5. Please choose one of those, or leave it empty.")]
    EnergyOutOfRange {
        /// The rating that was given.
        value: i64,
    },
    /// A kind id that is not in the journal.
    #[error("There is no kind of moment called \u{201c}{id}\u{201d}. Please choose a kind from the list.")]
    UnknownKind {
        /// The id that was asked for, shortened and printable.
        id: String,
    },
    /// A detail that the kind does not offer (or any detail for a kind that offers none).
    #[error("\u{201c}{detail}\u{201d} is not one of the choices for this kind of moment. Please choose one from the list, or leave it empty.")]
    UnknownDetail {
        /// The kind of the moment.
        kind_id: String,
        /// The detail that was given, shortened and printable.
        detail: String,
    },
    /// A baby id that is not in the journal.
    #[error("This baby (number {id}) is not in the journal. Please choose a baby from the list, or none.")]
    UnknownBaby {
        /// The id that was asked for.
        id: i64,
    },
    /// A baby whose profile is archived was chosen for a new moment or timer.
    #[error("This baby\u{2019}s profile is archived. Bring it back from the archive to log new moments for them.")]
    ArchivedBaby {
        /// The archived baby.
        id: i64,
    },
    /// A note longer than 100,000 characters.
    #[error("This note is longer than 100,000 characters. Please shorten it, or split it across two moments.")]
    NoteTooLong {
        /// How many characters the note has.
        chars: usize,
    },
    /// A feeling word that is empty once spaces are trimmed.
    #[error("A feeling word cannot be empty. Please type a word, or remove the empty one.")]
    FeelingWordEmpty,
    /// A feeling word longer than 40 characters.
    #[error("A feeling word can be up to 40 characters long. Please shorten it.")]
    FeelingWordTooLong {
        /// How many characters the word has.
        chars: usize,
    },
    /// More than 20 feeling words on one moment.
    #[error("A moment can hold up to 20 feeling words. Please remove a few.")]
    TooManyFeelings {
        /// How many words were given.
        count: usize,
    },
    /// A tag that is empty once spaces and a leading `#` are trimmed.
    #[error("A tag cannot be empty. Please type a tag, or remove the empty one.")]
    TagEmpty,
    /// A tag longer than 40 characters.
    #[error("A tag can be up to 40 characters long. Please shorten it.")]
    TagTooLong {
        /// How many characters the tag has.
        chars: usize,
    },
    /// A tag with a comma, which would read as two tags everywhere tags are listed.
    #[error("A tag cannot contain a comma. Please add each tag on its own.")]
    TagHasComma,
    /// More than 20 tags on one moment.
    #[error("A moment can hold up to 20 tags. Please remove a few.")]
    TooManyTags {
        /// How many tags were given.
        count: usize,
    },
    /// A caregiver chosen as "who" without a name.
    #[error("Please type the caregiver\u{2019}s name, or choose \u{201c}me\u{201d} or \u{201c}partner\u{201d}.")]
    CaregiverNameEmpty,
    /// A caregiver's name longer than 60 characters.
    #[error("A caregiver\u{2019}s name can be up to 60 characters long. Please shorten it.")]
    CaregiverNameTooLong {
        /// How many characters the name has.
        chars: usize,
    },
    /// A baby without a name.
    #[error("Please type a name or a nickname for the baby.")]
    BabyNameEmpty,
    /// A baby's name longer than 60 characters.
    #[error("A baby\u{2019}s name can be up to 60 characters long. Please shorten it.")]
    BabyNameTooLong {
        /// How many characters the name has.
        chars: usize,
    },
    /// A kind of moment without a name.
    #[error("Please type a name for this kind of moment.")]
    KindNameEmpty,
    /// A kind's name longer than 40 characters.
    #[error("The name of a kind of moment can be up to 40 characters long. Please shorten it.")]
    KindNameTooLong {
        /// How many characters the name has.
        chars: usize,
    },
    /// A kind's name that another kind already has (compared without regard to case).
    #[error("A kind of moment with this name already exists (it may be hidden). Please choose another name, or show the existing kind again.")]
    KindNameTaken {
        /// The kind that already has the name.
        existing_id: String,
    },
    /// A kind's emoji that is empty or too long to be one symbol.
    #[error(
        "Please choose an emoji or a short symbol (up to 16 characters) for this kind of moment."
    )]
    EmojiInvalid {
        /// How many characters were given.
        chars: usize,
    },
    /// An attempt to rename or change a built-in kind.
    #[error("The built-in kinds of moment keep their names. You can hide this one and add a kind of your own instead.")]
    BuiltInKindChanged {
        /// The built-in kind.
        id: String,
    },
    /// A date range whose first day is after its last.
    #[error("The first day of the range is after the last day. Please swap the two dates.")]
    RangeReversed {
        /// The first day that was given.
        from: chrono::NaiveDate,
        /// The last day that was given.
        to: chrono::NaiveDate,
    },
    /// A "last N weeks" range with no weeks or more than the journal could hold.
    #[error("Patterns can show from 1 to {max} weeks. Please choose a number in that range.", max = crate::patterns::MAX_WEEKS)]
    WeeksOutOfRange {
        /// The number of weeks asked for.
        weeks: u32,
    },
    /// A moment id that is not in the journal (perhaps purged).
    #[error("This moment (number {id}) is not in the journal any more. It may have been deleted for good from the trash.")]
    MomentNotFound {
        /// The id that was asked for.
        id: i64,
    },
    /// An edit of a moment that is in the trash.
    #[error("This moment is in the trash. Please restore it first, then edit it.")]
    MomentInTrash {
        /// The moment in the trash.
        id: i64,
    },
    /// A choice only the author of a moment can make, asked of a moment written on the
    /// partner's computer.
    #[error("This moment was written on your partner's computer: only they can choose what of their feelings to share.")]
    PartnersMoment {
        /// The partner's moment.
        id: i64,
    },
    /// A purge of a moment that is not in the trash.
    #[error("Only moments in the trash can be deleted for good. Please move this moment to the trash first.")]
    PurgeLiveMoment {
        /// The live moment.
        id: i64,
    },
    /// A timer id that is not running.
    #[error("This timer is not running any more: it may have been stopped or cancelled already.")]
    TimerNotFound {
        /// The id that was asked for.
        id: i64,
    },
    /// A second timer of the same kind for the same baby.
    #[error("{}", timer_running_message(*baby_id))]
    TimerAlreadyRunning {
        /// The timer that is already running.
        timer_id: i64,
        /// Its kind.
        kind_id: String,
        /// Its baby, if any.
        baby_id: Option<i64>,
    },
    /// A draft named neither for a new moment nor for a moment id.
    #[error("An unsaved note can belong only to a new moment or to a moment of the journal.")]
    DraftKeyInvalid,
    /// A care-team contact without a name.
    #[error("Please type a name for this contact (a first name or a role such as \u{201c}my midwife\u{201d} is enough).")]
    ContactNameEmpty,
    /// A care-team contact's name longer than 80 characters.
    #[error("A contact\u{2019}s name can be up to 80 characters long. Please shorten it.")]
    ContactNameTooLong {
        /// How many characters the name has.
        chars: usize,
    },
    /// A phone number with characters a phone number does not have, or without any digit.
    #[error("A phone number can hold digits, spaces, +, -, dots and brackets, up to 40 characters. Please check it, or leave it empty.")]
    ContactPhoneInvalid,
    /// Notes on a contact longer than 2,000 characters.
    #[error("The notes on a contact can be up to 2,000 characters long. Please shorten them.")]
    ContactNotesTooLong {
        /// How many characters the notes have.
        chars: usize,
    },
    /// A contact id that is not in the care team.
    #[error("This contact (number {id}) is not in your care team any more. It may have been removed already.")]
    ContactNotFound {
        /// The id that was asked for.
        id: i64,
    },
    /// A check-in dated before the year 2000, which is surely a slip of the date picker.
    #[error("The check-in\u{2019}s date is before the year 2000. Please check the date.")]
    CheckInTooEarly,
    /// A check-in more than five minutes ahead of the clock.
    #[error("The check-in\u{2019}s time is more than 5 minutes in the future. Please check the time and the date.")]
    CheckInInFuture,
    /// A mood answer outside 1 to 5.
    #[error("Mood is answered from 1 to 5. Please choose one of those, or leave it empty.")]
    MoodOutOfRange {
        /// The answer that was given.
        value: i64,
    },
    /// A closeness-to-the-baby answer outside 1 to 5.
    #[error("Closeness to your baby is answered from 1 to 5. Please choose one of those, or leave it empty.")]
    ClosenessOutOfRange {
        /// The answer that was given.
        value: i64,
    },
    /// A worry answer outside 1 to 5.
    #[error("Worry is answered from 1 to 5. Please choose one of those, or leave it empty.")]
    WorryOutOfRange {
        /// The answer that was given.
        value: i64,
    },
    /// Sleep outside 0 to 24 hours, or not in whole quarter hours.
    #[error("Sleep is counted in quarter hours, from none to 24 hours. Please choose one of those, or leave it empty.")]
    SleepOutOfRange {
        /// The minutes that were given.
        minutes: i64,
    },
    /// A check-in note longer than 100,000 characters.
    #[error("This note is longer than 100,000 characters. Please shorten it.")]
    CheckInNoteTooLong {
        /// How many characters the note has.
        chars: usize,
    },
    /// A check-in id that is not in the journal.
    #[error("This check-in (number {id}) is not in the journal any more.")]
    CheckInNotFound {
        /// The id that was asked for.
        id: i64,
    },
    /// A change to a check-in that is in the trash.
    #[error("This check-in is in the trash. Please restore it first, then change it.")]
    CheckInInTrash {
        /// The check-in in the trash.
        id: i64,
    },
    /// A record of a restore that breaks one of the journal's rules; nothing was restored.
    #[error("{rule}")]
    RecordRefused {
        /// The table of the record.
        table: crate::records::Table,
        /// Its place among the records of that table, from 0.
        index: usize,
        /// The rule it breaks, as the journal reports it for what the parent enters.
        rule: Box<Error>,
    },
    /// A restore that keeps every id, into a journal that already holds the parent's own data.
    #[error("This journal already has moments, babies, check-ins, contacts or kinds of your own, so a backup can only be merged into it. Nothing was restored.")]
    JournalNotEmpty {
        /// Moments already there (including the trash).
        moments: u64,
        /// Babies already there.
        babies: u64,
        /// The parent's own kinds, feeling words, running timers, check-ins (including the
        /// trash) and care-team contacts already there.
        other: u64,
    },
    /// Any other failure reported by SQLite; nothing was changed.
    #[error("The journal database reported a problem, and nothing was changed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

fn timer_running_message(baby_id: Option<i64>) -> &'static str {
    match baby_id {
        Some(_) => "A timer for this kind of moment is already running for this baby. Please stop or cancel it before starting another one.",
        None => "A timer for this kind of moment is already running. Please stop or cancel it before starting another one.",
    }
}

impl Error {
    /// A stable snake_case code for the UI to branch on (the message is for people).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::EndBeforeStart => "end_before_start",
            Error::StartInFuture => "start_in_future",
            Error::EndInFuture => "end_in_future",
            Error::StartTooEarly => "start_too_early",
            Error::TooLong => "too_long",
            Error::OffsetOutOfRange { .. } => "offset_out_of_range",
            Error::ConnectionOutOfRange { .. } => "connection_out_of_range",
            Error::EnergyOutOfRange { .. } => "energy_out_of_range",
            Error::UnknownKind { .. } => "unknown_kind",
            Error::UnknownDetail { .. } => "unknown_detail",
            Error::UnknownBaby { .. } => "unknown_baby",
            Error::ArchivedBaby { .. } => "archived_baby",
            Error::NoteTooLong { .. } => "note_too_long",
            Error::FeelingWordEmpty => "feeling_word_empty",
            Error::FeelingWordTooLong { .. } => "feeling_word_too_long",
            Error::TooManyFeelings { .. } => "too_many_feelings",
            Error::TagEmpty => "tag_empty",
            Error::TagTooLong { .. } => "tag_too_long",
            Error::TagHasComma => "tag_has_comma",
            Error::TooManyTags { .. } => "too_many_tags",
            Error::CaregiverNameEmpty => "caregiver_name_empty",
            Error::CaregiverNameTooLong { .. } => "caregiver_name_too_long",
            Error::BabyNameEmpty => "baby_name_empty",
            Error::BabyNameTooLong { .. } => "baby_name_too_long",
            Error::KindNameEmpty => "kind_name_empty",
            Error::KindNameTooLong { .. } => "kind_name_too_long",
            Error::KindNameTaken { .. } => "kind_name_taken",
            Error::EmojiInvalid { .. } => "emoji_invalid",
            Error::BuiltInKindChanged { .. } => "built_in_kind_changed",
            Error::WeeksOutOfRange { .. } => "weeks_out_of_range",
            Error::RangeReversed { .. } => "range_reversed",
            Error::MomentNotFound { .. } => "moment_not_found",
            Error::MomentInTrash { .. } => "moment_in_trash",
            Error::PartnersMoment { .. } => "partners_moment",
            Error::PurgeLiveMoment { .. } => "purge_live_moment",
            Error::TimerNotFound { .. } => "timer_not_found",
            Error::TimerAlreadyRunning { .. } => "timer_already_running",
            Error::DraftKeyInvalid => "draft_key_invalid",
            Error::ContactNameEmpty => "contact_name_empty",
            Error::ContactNameTooLong { .. } => "contact_name_too_long",
            Error::ContactPhoneInvalid => "contact_phone_invalid",
            Error::ContactNotesTooLong { .. } => "contact_notes_too_long",
            Error::ContactNotFound { .. } => "contact_not_found",
            Error::CheckInTooEarly => "check_in_too_early",
            Error::CheckInInFuture => "check_in_in_future",
            Error::MoodOutOfRange { .. } => "mood_out_of_range",
            Error::ClosenessOutOfRange { .. } => "closeness_out_of_range",
            Error::WorryOutOfRange { .. } => "worry_out_of_range",
            Error::SleepOutOfRange { .. } => "sleep_out_of_range",
            Error::CheckInNoteTooLong { .. } => "check_in_note_too_long",
            Error::CheckInNotFound { .. } => "check_in_not_found",
            Error::CheckInInTrash { .. } => "check_in_in_trash",
            Error::RecordRefused { rule, .. } => rule.kind(),
            Error::JournalNotEmpty { .. } => "journal_not_empty",
            Error::Sqlite(_) => "storage",
        }
    }

    /// True when the parent can fix the failure by changing what they typed or chose.
    pub fn is_invalid_input(&self) -> bool {
        if let Error::RecordRefused { rule, .. } = self {
            return rule.is_invalid_input();
        }
        !matches!(
            self,
            Error::MomentNotFound { .. }
                | Error::MomentInTrash { .. }
                | Error::PartnersMoment { .. }
                | Error::PurgeLiveMoment { .. }
                | Error::TimerNotFound { .. }
                | Error::TimerAlreadyRunning { .. }
                | Error::DraftKeyInvalid
                | Error::ContactNotFound { .. }
                | Error::CheckInNotFound { .. }
                | Error::CheckInInTrash { .. }
                | Error::JournalNotEmpty { .. }
                | Error::Sqlite(_)
        )
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
