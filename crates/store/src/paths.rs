//! The names of what Nestling keeps in its data folder, and where that folder is (the tries
//! file's name stays with the `tries` module).
//!
//! The floor of the crate: it imports nothing of it. Every other module takes these names from
//! here, so no module has to reach into another (backups, keys, recovery) for a file name. It
//! does not read or write anything; what each file holds is owned by the module that writes it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that moves Nestling's data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "NESTLING_DATA_DIR";

/// The journal's file name inside the data folder.
pub const DATABASE_FILE_NAME: &str = "nestling.sqlite3";

/// The key file's name inside the data folder.
pub const KEY_FILE_NAME: &str = "nestling.keys";

/// The backups folder's name inside the data folder.
pub const BACKUPS_DIR: &str = "backups";

/// The folder, inside the data folder, where damaged journals are kept.
pub const DAMAGED_DIR: &str = "damaged";

/// The lock file's name inside the data folder. It holds no data.
pub const LOCK_FILE_NAME: &str = "nestling.lock";

/// Chooses the data folder: the override when it is set and not empty, else the platform default.
pub fn data_dir(env_override: Option<OsString>, platform_default: PathBuf) -> PathBuf {
    match env_override {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => platform_default,
    }
}

/// `<dir>/backups`.
pub(crate) fn backups_dir(dir: &Path) -> PathBuf {
    dir.join(BACKUPS_DIR)
}

/// The key file's path in `dir`.
pub(crate) fn key_file_in(dir: &Path) -> PathBuf {
    dir.join(KEY_FILE_NAME)
}

/// The key file's spare copy: in the backups folder of `dir`.
pub(crate) fn spare_key_file_in(dir: &Path) -> PathBuf {
    backups_dir(dir).join(KEY_FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_wins_unless_it_is_empty() {
        let default = PathBuf::from("/home/p/.local/share/nestling");
        assert_eq!(
            data_dir(Some("/tmp/x".into()), default.clone()),
            PathBuf::from("/tmp/x")
        );
        assert_eq!(data_dir(Some("".into()), default.clone()), default);
        assert_eq!(data_dir(None, default.clone()), default);
    }

    #[test]
    fn the_spare_key_file_lies_in_the_backups_folder() {
        let dir = Path::new("/data");
        assert_eq!(
            spare_key_file_in(dir),
            PathBuf::from("/data/backups/nestling.keys")
        );
        assert_eq!(key_file_in(dir), PathBuf::from("/data/nestling.keys"));
    }
}
