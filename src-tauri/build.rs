//! Build script: registers every app command so that only granted ones can be called, and
//! points tauri-build at the capabilities kept under `src-tauri/`.

/// Every command the UI may call; each gets `allow-<name>` and `deny-<name>` permissions.
/// Keep in step with `generate_handler!` in `src-tauri/src/lib.rs`.
const COMMANDS: &[&str] = &[
    "get_home",
    "get_settings",
    "set_setting",
    "list_kinds",
    "add_kind",
    "update_kind",
    "set_kind_hidden",
    "list_babies",
    "add_baby",
    "update_baby",
    "archive_baby",
    "feeling_suggestions",
    "tag_suggestions",
    "log_moment",
    "get_moment",
    "update_moment",
    "delete_moment",
    "restore_moment",
    "purge_moment",
    "list_trash",
    "list_moments",
    "search_moments",
    "list_timers",
    "start_timer",
    "stop_timer",
    "cancel_timer",
    "list_drafts",
    "save_draft",
    "discard_draft",
    "list_articles",
    "search_articles",
    "get_article",
    "reading_state",
    "mark_opened",
    "set_progress",
    "all_progress",
    "recently_read",
    "toggle_bookmark",
    "list_bookmarks",
    "add_highlight",
    "set_highlight_note",
    "delete_highlight",
    "import_article",
    "delete_imported_article",
    "export_candidates",
    "export_preview",
    "export_save",
    "export_cancel",
    "lock_state",
    "unlock",
    "lock",
    "still_here",
    "privacy",
    "set_passphrase",
    "change_passphrase",
    "remove_passphrase",
    "new_recovery_code",
    "backup_now",
    "restore_backup",
    "recovery_state",
    "recover_from_backup",
    "export_everything",
    "erase_everything",
];

fn main() {
    println!("cargo:rerun-if-changed=ui");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed; see the message above");
}
