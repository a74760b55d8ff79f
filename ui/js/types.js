// @ts-check
// The shapes of what crosses the wire between the UI and Rust, in one place: every field is
// camelCase, as Rust serializes it. Modules import them with
// `@typedef {import('./types.js').Moment} Moment`; a renamed field then fails the type check.

export {};

/** @typedef {import('./api.js').AppError} AppError */

/**
 * @typedef {{theme: 'system'|'light'|'dark'|'night', textSize: 'small'|'medium'|'large'|'larger', lockAfterMinutes: number|null, backupsToKeep: number, parentName: string|null, helpRegion: string|null,
 *   checkIn: 'off'|'daily'|'weekly'|null, lowMoodCard: boolean, lowMoodCardDismissedOn: string|null,
 *   shareFeelingsByDefault: boolean}} Settings
 * @typedef {{appVersion: string, schemaVersion: number, dataDir: string, encrypted: boolean, settings: Settings}} Home
 */

/**
 * @typedef {'me'|'partner'|{caregiver: string}} Who
 * @typedef {{id: string, name: string}} KindDetail
 * @typedef {{id: string, name: string, emoji: string, timed: boolean, builtIn: boolean, hidden: boolean, details: KindDetail[]}} Kind
 * @typedef {{id: number, name: string, birthDate: string|null, archived: boolean}} Baby
 * @typedef {{kindId: string, detail?: string|null, startedAt: string, utcOffsetSeconds: number,
 *   endedAt?: string|null, babyId?: number|null, who?: Who, connection?: number|null, energy?: number|null,
 *   feelings?: string[], note?: string, private?: boolean, tags?: string[]}} MomentInput
 * @typedef {MomentInput & {id: number, startLocal: string, localDate: string, endLocal: string|null,
 *   durationSeconds: number|null, durationMinutes: number|null, deletedAt: string|null,
 *   fromPartner: boolean, shareFeelings: boolean}} Moment written on the partner's computer when
 *   `fromPartner`; `shareFeelings` when its author shares its note, feeling words, tags and ratings
 * @typedef {{id: number, kindId: string, detail?: string, startLocal: string, localDate: string,
 *   durationMinutes: number|null, babyId: number|null, connection: number|null, energy: number|null,
 *   feelings: string[], note: string, noteCut?: true, private?: true, deletedAt?: string,
 *   fromPartner?: true}} MomentRow
 *   a moment as a list or a search carries it: `note` is only its start when `noteCut`; a detail,
 *   trash date or flag that says nothing is left out
 * @typedef {{kindId?: string, babyId?: number, feeling?: string, tag?: string, private?: boolean}} Filter
 * @typedef {{kindId: string, count: number, minutes: number}} KindTotal
 * @typedef {{from: string, to: string, moments: MomentRow[], totals: KindTotal[]}} Listing
 * @typedef {{text: string, highlighted: boolean}} Segment
 * @typedef {{moment: MomentRow, snippet: Segment[]}} SearchHit
 * @typedef {{id: number, kindId: string, detail: string|null, babyId: number|null, startedAt: string,
 *   startLocal: string, elapsedSeconds: number, needsConfirmation: boolean}} Timer
 * @typedef {{kindId: string, detail?: string|null, babyId?: number|null, utcOffsetSeconds: number}} TimerInput
 */

/**
 * @typedef {{slug: string, title: string, summary: string, topics: string[], order: number,
 *   readingMinutes: number, wordCount: number, published: string, reviewed: string|null, source: 'shipped'|'imported'}} ArticleSummary
 * @typedef {{level: number, text: string, anchor: string}} TocEntry
 * @typedef {{article: ArticleSummary, html: string, toc: TocEntry[], related: ArticleSummary[],
 *   previousSlug: string|null, nextSlug: string|null}} RenderedArticle
 * @typedef {{article: ArticleSummary, titleSegments: Segment[], snippet: Segment[]}} ArticleHit
 * @typedef {{slug: string, fraction: number, anchor: string|null, updatedAt: string}} Progress
 * @typedef {{id: number, slug: string, quote: string, anchor: string|null, offset: number, note: string|null}} Highlight
 * @typedef {{progress: Progress|null, bookmarked: boolean, highlights: Highlight[]}} ReadingState
 */

/**
 * @typedef {{last: {days: number}} | {since: string} | {between: {first: string, last: string}}} Range
 * @typedef {{notes: boolean, feelings: boolean, ratings: boolean, checkIns: boolean}} Include
 * @typedef {{range: Range, kindIds: string[]|null, babyIds: number[]|null, include: Include,
 *   excludedIds: number[], title: string|null, preparedFor: string|null}} Selection
 * @typedef {{id: number, date: string, start: string, kind: string, emoji: string,
 *   durationMinutes: number|null, baby: string|null, notePreview: string, excluded: boolean}} Candidate
 * @typedef {{moments: Candidate[], privateLeftOut: number}} Candidates
 * @typedef {{kindId: string, name: string, emoji: string, moments: number, minutes: number}} ReportKindTotal
 * @typedef {{id: number, start: string, end: string|null, durationMinutes: number|null, kindId: string,
 *   kind: string, emoji: string, detail: string|null, baby: string|null, who: string,
 *   connection: number|null, energy: number|null, feelings: string[], note: string|null}} ReportEntry
 * @typedef {{date: string, entries: ReportEntry[]}} ReportDay
 * @typedef {{moments: number, minutes: number, kinds: ReportKindTotal[],
 *   weeks: {firstDay: string, lastDay: string, kinds: ReportKindTotal[]}[],
 *   months: {firstDay: string, lastDay: string, kinds: ReportKindTotal[]}[],
 *   weekly: PatternsWeek[], topFeelings: {word: string, count: number}[]}} ReportSummary
 * @typedef {{title: string, preparedFor: string|null, parentName: string|null, firstDay: string,
 *   lastDay: string, generatedOn: string, include: Include, summary: ReportSummary, days: ReportDay[],
 *   checkIns: ReportCheckIn[]}} Report
 * @typedef {Report & {charts: PatternsChart[]}} Preview the report with its charts, for the Share screen
 * @typedef {{id: number, date: string, time: string, mood: number|null, closeness: number|null,
 *   worry: number|null, sleepMinutes: number|null, supported: 'yes'|'somewhat'|'no'|null,
 *   note: string|null, answers: string[]}} ReportCheckIn the answers given, worded once by Rust
 */

/**
 * @typedef {{name: string, createdAt: string, reason: string, bytes: number, encrypted: boolean}} BackupInfo
 * @typedef {{encrypted: boolean, backups: BackupInfo[], plainSetAsides: number, recoveryCodeUnseen: boolean}} Privacy
 * @typedef {{problem: AppError, encrypted: boolean, newestGood: BackupInfo|null}} Recovery
 */

/**
 * @typedef {{babies: number, kinds: number, moments: number, timers: number, checkIns: number, contacts: number}} RestoreCounts
 * @typedef {{inFile: RestoreCounts, duplicates: RestoreCounts, journalEmpty: boolean, exportedAt: string}} RestorePreview
 * @typedef {{journalWasEmpty: boolean, added: RestoreCounts, duplicates: RestoreCounts}} Restored
 */

/**
 * @typedef {{display: string, dial: string, alias: string|null}} PhoneNumber
 * @typedef {{number: PhoneNumber, keyword: string|null}} TextLine
 * @typedef {{name: string, kind: 'crisis'|'perinatal'|'parent'|'support', phone: PhoneNumber|null, text: TextLine|null,
 *   hours: string, description: string, source: string, checked: string}} Line
 * @typedef {{code: string, name: string, emergency: {numbers: PhoneNumber[], source: string, checked: string}, lines: Line[]}} Region
 * @typedef {{regions: Region[], suggested: string|null}} HelpLines
 * @typedef {'gp'|'midwife'|'health_visitor'|'therapist'|'partner'|'friend'|'family'|'other'} Role
 * @typedef {{role: Role, name: string, phone: string, notes: string}} ContactInput
 * @typedef {ContactInput & {id: number, createdAt: string, updatedAt: string}} Contact
 */

/**
 * @typedef {'yes'|'somewhat'|'no'} Supported
 * @typedef {'no'|'unwanted_thoughts'|'might_act'|'prefer_not'} SafetyAnswer
 * @typedef {{takenAt: string, utcOffsetSeconds: number, mood?: number|null, closeness?: number|null, worry?: number|null,
 *   sleepMinutes?: number|null, supported?: Supported|null, safety?: SafetyAnswer|null, note?: string|null, inReport?: boolean}} CheckInInput
 * @typedef {{id: number, takenAt: string, utcOffsetSeconds: number, takenLocal: string, localDate: string,
 *   mood: number|null, closeness: number|null, worry: number|null, sleepMinutes: number|null, supported: Supported|null,
 *   safety: SafetyAnswer|null, helpNeed: 'none'|'soon'|'now', note: string|null, inReport: boolean,
 *   createdAt: string, updatedAt: string, deletedAt: string|null}} CheckIn
 * @typedef {{checkInDue: boolean, lowMoodCard: boolean, lastCheckIn: string|null}} Prompts
 */

/**
 * @typedef {{weeks: number} | {from: string, to: string} | 'all'} PatternsRange
 * @typedef {{range: PatternsRange, babyId: number|null, kindId: string|null, theme: 'light'|'dark'|'night'}} PatternsRequest
 * @typedef {{average: number, count: number}} PatternsAverage
 * @typedef {{kindId: string, name: string, emoji: string, moments: number, minutes: number}} PatternsKind
 * @typedef {{firstDay: string, lastDay: string, days: number, moments: number, momentsPerDay: number,
 *   skinToSkinMinutes: number, skinToSkinDays: number, kinds: PatternsKind[], connection: PatternsAverage|null,
 *   energy: PatternsAverage|null, connectionValues: number[], mood: PatternsAverage|null,
 *   sleepMinutes: PatternsAverage|null, who: {me: number, partner: number, other: number}}} PatternsWeek
 * @typedef {{id: 'care'|'skin'|'closeness'|'checkIns'|'who', title: string, svg: string, alt: string}} PatternsChart
 * @typedef {{from: string, to: string, weeks: PatternsWeek[], sentences: string[], babyName: string|null,
 *   charts: PatternsChart[]}} Patterns
 */

/**
 * @typedef {{code: string, phrase: string}} PairingOffer a new pairing's code, in groups of four
 *   joined by dashes, and the three words both computers show
 * @typedef {{folder: 'missing'|'full'|'unusable'|null, damaged: number, otherPairs: number, strangers: number,
 *   tooNew: number, refused: number, failed: string|null}} SharingTrouble what the last exchange found
 * @typedef {{paired: boolean, myName: string|null, partnerName: string|null, folder: string|null,
 *   pairedAt: string|null, lastReceivedAt: string|null, filesWaiting: number, partnerLeftAt: string|null,
 *   trouble: SharingTrouble}} SharingStatus sharing with the partner's computer, with no journal text
 * @typedef {{journal: boolean, status: boolean}} SharingChange what a background exchange changed
 */
