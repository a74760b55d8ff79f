//! The one error type that crosses to the UI, serialized as `{ "kind": "...", "message": "..." }`.
//!
//! The UI branches on `kind` (a stable snake_case code) and shows `message` as it is. Messages
//! come from the domain crates, which never put journal text in them.

use serde::ser::SerializeStruct;

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A storage failure, including a journal that could not be opened.
    #[error(transparent)]
    Store(#[from] nestling_store::Error),
    /// A journal rule was broken (the message says which) or a moment was not found.
    #[error(transparent)]
    Journal(#[from] nestling_journal::Error),
    /// An article could not be read, found, imported or highlighted.
    #[error(transparent)]
    Library(#[from] nestling_library::Error),
    /// The journal could not be opened at start; every command repeats why.
    #[error("{message}")]
    Unavailable {
        /// The kind of the original failure.
        kind: &'static str,
        /// The original, readable message.
        message: String,
    },
    /// A previous command panicked while holding the journal; restarting the app recovers.
    #[error("Nestling hit an internal problem. Please close and reopen it; nothing saved has been lost.")]
    StatePoisoned,
}

/// The result type of every command.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable code the UI branches on.
    pub fn kind(&self) -> &'static str {
        use nestling_store::Error as S;
        match self {
            Error::Store(S::CreateDataDir { .. }) => "data_folder",
            Error::Store(S::NotADatabase { .. }) => "not_a_database",
            Error::Store(S::ForeignDatabase { .. }) => "foreign_database",
            Error::Store(S::TooNew { .. }) => "too_new",
            Error::Store(S::UnknownSetting { .. } | S::InvalidSetting { .. }) => "invalid_input",
            Error::Store(S::Sqlite(_)) => "storage",
            Error::Journal(err) => err.kind(),
            Error::Library(err) => err.kind(),
            Error::Unavailable { kind, .. } => kind,
            Error::StatePoisoned => "internal",
        }
    }

    /// The same failure as a value that can be handed to every later command.
    pub(crate) fn unavailable(&self) -> Error {
        Error::Unavailable {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Error", 2)?;
        out.serialize_field("kind", self.kind())?;
        out.serialize_field("message", &self.to_string())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_and_message() {
        let err = Error::from(nestling_store::Error::UnknownSetting { key: "x".into() });
        let json = serde_json::to_value(&err).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"kind": "invalid_input", "message": "There is no setting called \u{201c}x\u{201d}."})
        );
    }

    #[test]
    fn an_unavailable_journal_keeps_the_original_kind_and_message() {
        let original = Error::from(nestling_store::Error::TooNew {
            path: "/data/nestling.sqlite3".into(),
            found: 9,
            supported: 1,
        });
        let copy = original.unavailable();
        assert_eq!(copy.kind(), "too_new");
        assert_eq!(copy.to_string(), original.to_string());
    }
}
