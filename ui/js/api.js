// @ts-check
// The only module that talks to Rust. One function per command; every failure becomes an
// AppError with the `kind` the UI branches on and the `message` it shows.

/**
 * @typedef {import('./types.js').Settings} Settings
 * @typedef {import('./types.js').Home} Home
 * @typedef {import('./types.js').Kind} Kind
 * @typedef {import('./types.js').Baby} Baby
 * @typedef {import('./types.js').MomentInput} MomentInput
 * @typedef {import('./types.js').Moment} Moment
 * @typedef {import('./types.js').Filter} Filter
 * @typedef {import('./types.js').Listing} Listing
 * @typedef {import('./types.js').SearchHit} SearchHit
 * @typedef {import('./types.js').Timer} Timer
 * @typedef {import('./types.js').TimerInput} TimerInput
 * @typedef {import('./types.js').ArticleSummary} ArticleSummary
 * @typedef {import('./types.js').RenderedArticle} RenderedArticle
 * @typedef {import('./types.js').ArticleHit} ArticleHit
 * @typedef {import('./types.js').Progress} Progress
 * @typedef {import('./types.js').Highlight} Highlight
 * @typedef {import('./types.js').ReadingState} ReadingState
 * @typedef {import('./types.js').Selection} Selection
 * @typedef {import('./types.js').Candidates} Candidates
 * @typedef {import('./types.js').Preview} Preview
 * @typedef {import('./types.js').BackupInfo} BackupInfo
 * @typedef {import('./types.js').Privacy} Privacy
 * @typedef {import('./types.js').Recovery} Recovery
 * @typedef {import('./types.js').RestorePreview} RestorePreview
 * @typedef {import('./types.js').Restored} Restored
 * @typedef {import('./types.js').HelpLines} HelpLines
 * @typedef {import('./types.js').ContactInput} ContactInput
 * @typedef {import('./types.js').Contact} Contact
 * @typedef {import('./types.js').CheckInInput} CheckInInput
 * @typedef {import('./types.js').CheckIn} CheckIn
 * @typedef {import('./types.js').Prompts} Prompts
 * @typedef {import('./types.js').PatternsRequest} PatternsRequest
 * @typedef {import('./types.js').Patterns} Patterns
 * @typedef {import('./types.js').PairingOffer} PairingOffer
 * @typedef {import('./types.js').SharingStatus} SharingStatus
 * @typedef {import('./types.js').SharingChange} SharingChange
 */

/** A failure reported by Nestling's Rust side. */
export class AppError extends Error {
  /**
   * @param {string} kind stable code, e.g. "invalid_input" or "too_new"
   * @param {string} message readable sentence to show as it is
   */
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

/**
 * @typedef {{core: {invoke: (command: string, args?: Record<string, unknown>) => Promise<any>,
 *   Channel: new () => {onmessage: (message: any) => void}}}} TauriGlobal the part of Tauri's
 *   global the UI uses (the window's `__TAURI__`, there because `withGlobalTauri` is on)
 */

/** @returns {TauriGlobal} */
const tauri = () =>
  /** @type {{__TAURI__: TauriGlobal}} */ (/** @type {unknown} */ (window)).__TAURI__;

/**
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 */
async function call(command, args) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** @param {unknown} err */
export function toAppError(err) {
  if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
    return new AppError(String(err.kind), String(err.message));
  }
  return new AppError(
    'internal',
    'Nestling could not complete that. Nothing you saved has been changed.',
  );
}

/** @returns {Promise<Home>} */
export const getHome = () => call('get_home');

/**
 * @param {string} key
 * @param {string} value
 * @returns {Promise<Settings>}
 */
export const setSetting = (key, value) => call('set_setting', { key, value });

/** @returns {Promise<Kind[]>} */
export const listKinds = () => call('list_kinds');
/** @param {{name: string, emoji: string, timed: boolean}} input @returns {Promise<Kind>} */
export const addKind = (input) => call('add_kind', { input });
/** @param {string} id @param {{name: string, emoji: string, timed: boolean}} input @returns {Promise<Kind>} */
export const updateKind = (id, input) => call('update_kind', { id, input });
/** @param {string} id @param {boolean} hidden @returns {Promise<Kind>} */
export const setKindHidden = (id, hidden) => call('set_kind_hidden', { id, hidden });

/** @returns {Promise<Baby[]>} */
export const listBabies = () => call('list_babies');
/** @param {{name: string, birthDate?: string|null}} input @returns {Promise<Baby>} */
export const addBaby = (input) => call('add_baby', { input });
/** @param {number} id @param {{name: string, birthDate?: string|null}} input @returns {Promise<Baby>} */
export const updateBaby = (id, input) => call('update_baby', { id, input });
/** @param {number} id @returns {Promise<Baby>} */
export const archiveBaby = (id) => call('archive_baby', { id });

/** @returns {Promise<{word: string, uses: number, builtIn: boolean}[]>} */
export const feelingSuggestions = () => call('feeling_suggestions');
/** @returns {Promise<{tag: string, uses: number}[]>} */
export const tagSuggestions = () => call('tag_suggestions');

/** @param {MomentInput} input @returns {Promise<Moment>} */
export const logMoment = (input) => call('log_moment', { input });
/** @param {number} id @returns {Promise<Moment>} */
export const getMoment = (id) => call('get_moment', { id });
/** @param {number} id @param {MomentInput} input @returns {Promise<Moment>} */
export const updateMoment = (id, input) => call('update_moment', { id, input });
/** @param {number} id @returns {Promise<Moment>} */
export const deleteMoment = (id) => call('delete_moment', { id });
/** @param {number} id @returns {Promise<Moment>} */
export const restoreMoment = (id) => call('restore_moment', { id });
/** @param {number} id @returns {Promise<null>} */
export const purgeMoment = (id) => call('purge_moment', { id });
/** @returns {Promise<import('./types.js').MomentRow[]>} */
export const listTrash = () => call('list_trash');

/** @param {string} from @param {string} to @param {Filter} [filter] @returns {Promise<Listing>} */
export const listMoments = (from, to, filter = {}) => call('list_moments', { from, to, filter });
/**
 * At most `limit` hits, best first (the app sends 50 when no limit is given, 200 at most).
 * @param {string} text @param {Filter} [filter] @param {number} [limit]
 * @returns {Promise<SearchHit[]>}
 */
export const searchMoments = (text, filter = {}, limit = undefined) =>
  call('search_moments', { text, filter, limit });

/** @returns {Promise<Timer[]>} */
export const listTimers = () => call('list_timers');
/** @param {TimerInput} input @returns {Promise<Timer>} */
export const startTimer = (input) => call('start_timer', { input });
/** @param {number} id @returns {Promise<Moment>} */
export const stopTimer = (id) => call('stop_timer', { id });
/** @param {number} id @returns {Promise<null>} */
export const cancelTimer = (id) => call('cancel_timer', { id });

/** @returns {Promise<{key: string, note: string, updatedAt: string}[]>} */
export const listDrafts = () => call('list_drafts');
/** @param {string} key @param {string} note @returns {Promise<null>} */
export const saveDraft = (key, note) => call('save_draft', { key, note });
/** @param {string} key @returns {Promise<null>} */
export const discardDraft = (key) => call('discard_draft', { key });

/** @returns {Promise<ArticleSummary[]>} */
export const listArticles = () => call('list_articles');
/** @param {string} query @returns {Promise<ArticleHit[]>} */
export const searchArticles = (query) => call('search_articles', { query });
/** @param {string} slug @returns {Promise<RenderedArticle>} */
export const getArticle = (slug) => call('get_article', { slug });
/** @param {string} slug @returns {Promise<ReadingState>} */
export const readingState = (slug) => call('reading_state', { slug });
/** @param {string} slug @returns {Promise<null>} */
export const markOpened = (slug) => call('mark_opened', { slug });
/** @param {string} slug @param {number} fraction @param {string|null} anchor @returns {Promise<Progress>} */
export const setProgress = (slug, fraction, anchor) =>
  call('set_progress', { slug, fraction, anchor });
/** @returns {Promise<Progress[]>} */
export const allProgress = () => call('all_progress');
/** @returns {Promise<{article: ArticleSummary, openedAt: string}[]>} */
export const recentlyRead = () => call('recently_read');
/** @param {string} slug @returns {Promise<boolean>} */
export const toggleBookmark = (slug) => call('toggle_bookmark', { slug });
/** @returns {Promise<{article: ArticleSummary, createdAt: string}[]>} */
export const listBookmarks = () => call('list_bookmarks');
/** @param {{slug: string, quote: string, anchor: string|null, offset: number, note?: string|null}} input @returns {Promise<Highlight>} */
export const addHighlight = (input) => call('add_highlight', { input });
/** @param {number} id @param {string|null} note @returns {Promise<Highlight>} */
export const setHighlightNote = (id, note) => call('set_highlight_note', { id, note });
/** @param {number} id @returns {Promise<Highlight>} */
export const deleteHighlight = (id) => call('delete_highlight', { id });
/** @param {string} fileName @param {string} text @returns {Promise<ArticleSummary>} */
export const importArticle = (fileName, text) => call('import_article', { fileName, text });
/** @param {string} slug @returns {Promise<null>} */
export const deleteImportedArticle = (slug) => call('delete_imported_article', { slug });

/** @param {Selection} selection @returns {Promise<Candidates>} */
export const exportCandidates = (selection) => call('export_candidates', { selection });
/**
 * @param {Selection} selection
 * @param {'light'|'dark'|'night'} theme the theme the charts are drawn in
 * @returns {Promise<Preview>}
 */
export const exportPreview = (selection, theme) => call('export_preview', { selection, theme });
/**
 * Asks where to save, then writes the chosen format; `onProgress` hears each stage.
 * @param {Selection} selection
 * @param {string} format "pdf", "markdown", "csv" or "json"
 * @param {string} paper "a4" or "usLetter"
 * @param {(progress: {stage: string}) => void} onProgress
 * @returns {Promise<{fileName: string|null}>}
 */
export function exportSave(selection, format, paper, onProgress) {
  const progress = new (tauri().core.Channel)();
  progress.onmessage = onProgress;
  return call('export_save', { selection, format, paper, progress });
}
/** Stops a save in progress before its file is written. @returns {Promise<null>} */
export const exportCancel = () => call('export_cancel');

/** Whether the journal is locked by a passphrase and not yet opened. @returns {Promise<{locked: boolean, encrypted: boolean}>} */
export const lockState = () => call('lock_state');
/** Opens a locked journal with the passphrase or the recovery code. @param {string} secret @returns {Promise<null>} */
export const unlock = (secret) => call('unlock', { secret });
/** Closes the journal and forgets its key until the passphrase is typed again. @returns {Promise<null>} */
export const lock = () => call('lock');

/** Tells Rust the parent is here, so it does not lock an idle journal under them. @returns {Promise<void>} */
export const stillHere = () => call('still_here');
/** @returns {Promise<Privacy>} */
export const privacy = () => call('privacy');
/** Encrypts the journal; the answer holds the recovery code to write down. @param {string} passphrase @returns {Promise<{recoveryCode: string}>} */
export const setPassphrase = (passphrase) => call('set_passphrase', { passphrase });
/** Changes the passphrase and the key; the answer holds the new recovery code (the old one stops working). @param {string} current @param {string} next @returns {Promise<{recoveryCode: string}>} */
export const changePassphrase = (current, next) => call('change_passphrase', { current, next });
/** @param {string} current @returns {Promise<null>} */
export const removePassphrase = (current) => call('remove_passphrase', { current });
/** A new recovery code (the old one stops working); `current` is the passphrase. @param {string} current @returns {Promise<{recoveryCode: string}>} */
export const newRecoveryCode = (current) => call('new_recovery_code', { current });
/** @returns {Promise<BackupInfo>} */
export const backupNow = () => call('backup_now');
/** Replaces the journal with a backup (the current journal is backed up first). @param {string} name @param {string|null} [secret] needed when encrypted @returns {Promise<null>} */
export const restoreBackup = (name, secret = null) => call('restore_backup', { name, secret });
/** Why the journal could not be opened, and the newest backup that can replace it. @returns {Promise<Recovery>} */
export const recoveryState = () => call('recovery_state');
/** Sets the damaged journal aside (never deleted) and opens the chosen backup instead. @param {string} name @param {string|null} [secret] needed when encrypted @returns {Promise<{setAside: string}>} */
export const recoverFromBackup = (name, secret = null) =>
  call('recover_from_backup', { name, secret });
/** Saves the complete journal, private moments included, as JSON. @returns {Promise<{fileName: string|null}>} */
export const exportEverything = () => call('export_everything');
/** Opens the system's open dialog for a Nestling JSON file and keeps it for the preview. @returns {Promise<{fileName: string|null}>} */
export const restoreChoose = () => call('restore_choose');
/** What the chosen file holds and how much the journal already has; writes nothing. @returns {Promise<RestorePreview>} */
export const restorePreview = () => call('restore_preview');
/** Restores the chosen file into an empty journal, or merges it, skipping duplicates. @param {'empty'|'merge'} mode @returns {Promise<Restored>} */
export const restoreApply = (mode) => call('restore_apply', { mode });
/** Removes the journal, its key, and every backup. @param {string} confirmation the typed words @returns {Promise<null>} */
export const eraseEverything = (confirmation) => call('erase_everything', { confirmation });
/** Removes the journals set aside as damaged that are stored without encryption. @returns {Promise<number>} how many */
export const removePlainSetAsides = () => call('remove_plain_set_asides');
/** Gives up an interrupted attempt to set a passphrase whose passphrase is forgotten: a fresh backup first, then the backups locked with it and its key are removed. @returns {Promise<number>} how many backups were removed */
export const abandonUnfinishedPassphrase = () => call('abandon_unfinished_passphrase');

/** The shipped help lines; works while the journal is locked. @param {readonly string[]} locales most preferred first @returns {Promise<HelpLines>} */
export const helpLines = (locales) => call('help_lines', { locales: [...locales] });
/** The parent's care team, in their order. @returns {Promise<Contact[]>} */
export const listContacts = () => call('list_contacts');
/** @param {ContactInput} input @returns {Promise<Contact>} */
export const addContact = (input) => call('add_contact', { input });
/** @param {number} id @param {ContactInput} input @returns {Promise<Contact>} */
export const updateContact = (id, input) => call('update_contact', { id, input });
/** @param {number} id @returns {Promise<null>} */
export const removeContact = (id) => call('remove_contact', { id });
/** @param {number[]} ids every contact, in the new order @returns {Promise<Contact[]>} */
export const reorderContacts = (ids) => call('reorder_contacts', { ids });

/** Saves a check-in; its helpNeed says whether to open Help. @param {CheckInInput} input @returns {Promise<CheckIn>} */
export const addCheckIn = (input) => call('add_check_in', { input });
/** @param {number} id @returns {Promise<CheckIn>} */
export const getCheckIn = (id) => call('get_check_in', { id });
/** @param {number} id @param {CheckInInput} input @returns {Promise<CheckIn>} */
export const updateCheckIn = (id, input) => call('update_check_in', { id, input });
/** Moves a check-in to the trash. @param {number} id @returns {Promise<CheckIn>} */
export const deleteCheckIn = (id) => call('delete_check_in', { id });
/** @param {number} id @returns {Promise<CheckIn>} */
export const restoreCheckIn = (id) => call('restore_check_in', { id });
/** The live check-ins of local days from..to. @param {string} from @param {string} to @returns {Promise<CheckIn[]>} */
export const listCheckIns = (from, to) => call('list_check_ins', { from, to });
/** Every check-in in the trash, the most recently deleted first. @returns {Promise<CheckIn[]>} */
export const listTrashedCheckIns = () => call('list_trashed_check_ins');
/** What Today offers: a due check-in, the low-mood card. @param {string} today the local date @returns {Promise<Prompts>} */
export const checkInPrompts = (today) => call('check_in_prompts', { today });

/** The parent's weeks: figures, sentences and charts (each svg a data: URL). @param {PatternsRequest} request @returns {Promise<Patterns>} */
export const patterns = (request) => call('patterns', { request });

/** Starts pairing here: a new code to read out and three words to compare. @returns {Promise<PairingOffer>} */
export const beginPairing = () => call('begin_pairing');
/** Reads a code typed from the other computer; answers with the words to compare. @param {string} code @returns {Promise<{phrase: string}>} */
export const checkPairingCode = (code) => call('check_pairing_code', { code });
/** Forgets a pairing begun or typed here and not confirmed. @returns {Promise<null>} */
export const cancelPairing = () => call('cancel_pairing');
/** Opens the system's folder dialog for the shared folder; answers where it is, or null when closed. @returns {Promise<string|null>} */
export const chooseShareFolder = () => call('choose_share_folder');
/** Pairs with the code and the folder chosen, showing the partner `name`. @param {string} name @returns {Promise<SharingStatus>} */
export const confirmPairing = (name) => call('confirm_pairing', { name });
/** @returns {Promise<SharingStatus>} */
export const sharingStatus = () => call('sharing_status');
/** Exchanges with the partner's computer now; answers with the status afterwards. @returns {Promise<SharingStatus>} */
export const syncNow = () => call('sync_now');
/** Stops sharing on this computer; every moment stays. @returns {Promise<null>} */
export const unpair = () => call('unpair');
/** Ticks or unticks "share how I felt" on one of the parent's own moments. @param {number} id @param {boolean} share @returns {Promise<Moment>} */
export const setShareFeelings = (id, share) => call('set_share_feelings', { id, share });
/**
 * Hears, for as long as the page lives, that an exchange in the background changed something.
 * @param {(change: SharingChange) => void} onChange
 * @returns {Promise<null>}
 */
export function watchSharing(onChange) {
  const changes = new (tauri().core.Channel)();
  changes.onmessage = onChange;
  return call('watch_sharing', { changes });
}
