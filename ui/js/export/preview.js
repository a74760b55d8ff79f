// @ts-check
// The preview: the report exactly as Rust built it for the file, drawn with element builders.

import { chartFigure } from '../charts.js';
import { el } from '../dom.js';
import { formatMinutes } from '../format.js';

/**
 * @typedef {import('../types.js').Report} Report
 * @typedef {import('../types.js').Preview} Preview
 * @typedef {import('../types.js').ReportEntry} ReportEntry
 */

/** A date "2026-11-26" as "26 November 2026", in the parent's language. */
export function longDate(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(y, m - 1, d));
}

/** @param {Preview} report */
export function previewView(report) {
  return el(
    'section',
    { class: 'export-preview', id: 'export-preview', 'aria-labelledby': 'preview-title' },
    el('h2', { id: 'preview-title', text: 'Preview' }),
    el(
      'div',
      { class: 'report-paper' },
      coverPart(report),
      report.summary.moments === 0
        ? el('p', { class: 'empty', text: 'No moments match these choices.' })
        : summaryPart(report, report.charts),
      report.checkIns.length ? checkInsPart(report.checkIns) : null,
      ...report.days.map((day) => dayPart(report, day)),
    ),
  );
}

/** @param {Report} report */
function coverPart(report) {
  return el(
    'header',
    { class: 'report-cover' },
    el('h3', { class: 'report-title', text: report.title }),
    el('p', { text: `${longDate(report.firstDay)} – ${longDate(report.lastDay)}` }),
    report.preparedFor ? el('p', { text: `Prepared for ${report.preparedFor}` }) : null,
    report.parentName ? el('p', { text: `From ${report.parentName}` }) : null,
    el('p', {
      class: 'hint',
      text: `Generated on ${longDate(report.generatedOn)}. A parent’s own journal of caregiving moments and feelings, not a diagnostic record.`,
    }),
  );
}

/**
 * @param {Report} report
 * @param {import('../types.js').PatternsChart[]} charts
 */
function summaryPart(report, charts) {
  const { summary } = report;
  return el(
    'section',
    { class: 'report-summary', 'aria-label': 'Summary' },
    el('h4', { text: 'Summary' }),
    el('p', {
      text: `${summary.moments} ${summary.moments === 1 ? 'moment' : 'moments'} of care, ${formatMinutes(summary.minutes)} in all.`,
    }),
    kindsTable(summary.kinds),
    charts.length
      ? el(
          'div',
          { class: 'charts report-charts' },
          el('h5', { class: 'report-subhead', text: 'Week by week' }),
          ...charts.map((c) =>
            chartFigure(c, summary.weekly, { prefix: 'preview-chart', heading: 'h6' }),
          ),
        )
      : null,
    summary.topFeelings.length
      ? el(
          'p',
          {},
          'Most frequent feelings: ',
          ...summary.topFeelings.map((w) =>
            el('span', { class: 'chip', text: `${w.word} (${w.count})` }),
          ),
        )
      : null,
  );
}

/** @param {import('../types.js').ReportKindTotal[]} kinds */
function kindsTable(kinds) {
  return el(
    'table',
    { class: 'report-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', text: 'Kind' }),
        el('th', { scope: 'col', text: 'Moments' }),
        el('th', { scope: 'col', text: 'Time' }),
      ),
    ),
    el(
      'tbody',
      {},
      ...kinds.map((k) =>
        el(
          'tr',
          {},
          el('td', { text: `${k.emoji} ${k.name}` }),
          el('td', { text: String(k.moments) }),
          el('td', { text: k.minutes ? formatMinutes(k.minutes) : '' }),
        ),
      ),
    ),
  );
}

/** @param {import('../types.js').ReportCheckIn[]} checkIns */
function checkInsPart(checkIns) {
  return el(
    'section',
    { class: 'report-day', 'aria-label': 'How I felt — my own check-in answers' },
    el('h4', { text: 'How I felt — my own check-in answers' }),
    el('p', {
      class: 'hint',
      text: 'My own answers to a short check-in, which I chose to share. Each number is the answer I picked on a scale of 1 to 5: nothing is added up, and none of it is a score, a screening or a diagnosis.',
    }),
    el('ul', { class: 'plain-list' }, ...checkIns.map(checkInPart)),
  );
}

/** @param {import('../types.js').ReportCheckIn} c */
function checkInPart(c) {
  return el(
    'li',
    { class: 'report-entry' },
    el('p', { class: 'moment-title', text: `${longDate(c.date)}, ${c.time}` }),
    ...c.answers.map((a) => el('p', { text: a })),
    c.note ? el('p', { class: 'moment-note report-note', text: c.note }) : null,
  );
}

/** @param {Report} report @param {import('../types.js').ReportDay} day */
function dayPart(report, day) {
  return el(
    'section',
    { class: 'report-day' },
    el('h4', { text: longDate(day.date) }),
    el('ul', { class: 'plain-list' }, ...day.entries.map((entry) => entryPart(report, entry))),
  );
}

/** @param {Report} report @param {ReportEntry} e */
function entryPart(report, e) {
  const when = e.end ? `${e.start}–${e.end}` : e.start;
  const facts = [
    e.detail,
    e.baby,
    e.who,
    e.durationMinutes === null ? null : formatMinutes(e.durationMinutes),
  ]
    .filter(Boolean)
    .join(' · ');
  const ratings = [
    e.connection === null ? null : `Connection ${e.connection}/5`,
    e.energy === null ? null : `Energy ${e.energy}/5`,
  ]
    .filter(Boolean)
    .join(' · ');
  return el(
    'li',
    { class: 'report-entry' },
    el(
      'p',
      { class: 'moment-title' },
      el('span', { class: 'moment-time', text: when }),
      ` ${e.emoji} ${e.kind}`,
    ),
    facts ? el('p', { class: 'hint', text: facts }) : null,
    ratings && report.include.ratings ? el('p', { text: ratings }) : null,
    e.feelings.length
      ? el(
          'p',
          { class: 'moment-feelings' },
          ...e.feelings.map((w) => el('span', { class: 'chip', text: w })),
        )
      : null,
    e.note ? el('p', { class: 'moment-note report-note', text: e.note }) : null,
  );
}
