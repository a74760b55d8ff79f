//! The pure weekly figures: plain facts in, [`Patterns`] out, with no database and no clock.
//!
//! It also resolves a [`Span`] to local days, given today and the first day of the journal.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{
    sentences, Average, CheckInFact, DayRatings, Facts, KindDay, KindName, KindWeek, MomentFact,
    Options, Patterns, Period, Span, Week, WhoCounts, MAX_WEEKS, SKIN_TO_SKIN,
};
use crate::{Error, Result};

impl Span {
    /// The local days this span covers when today is `today` and the journal's first day with
    /// a moment or check-in is `first` (none when it is empty: "all" is then today alone).
    pub fn period(self, today: NaiveDate, first: Option<NaiveDate>) -> Result<Period> {
        let (from, to) = match self {
            Span::Weeks { weeks } => (last_weeks(weeks, today)?, today),
            Span::Between { from, to } => (from, to),
            Span::All(_) => (first.map_or(today, |f| f.min(today)), today),
        };
        match from > to {
            true => Err(Error::RangeReversed { from, to }),
            false => Ok(Period {
                from,
                to,
                span: self,
            }),
        }
    }
}

/// The first day of the last `weeks` weeks ending `today`: today minus `7 × weeks − 1` days.
fn last_weeks(weeks: u32, today: NaiveDate) -> Result<NaiveDate> {
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(Error::WeeksOutOfRange { weeks });
    }
    let back = u64::from(weeks) * 7 - 1;
    Ok(today
        .checked_sub_days(Days::new(back))
        .unwrap_or(NaiveDate::MIN))
}

/// The weekly figures of `period` from `facts`, narrowed by `options`, with their sentences.
pub fn weekly(facts: &Facts, period: &Period, options: &Options) -> Patterns {
    let mut tallies = Tallies::new(period.from, period.to, &facts.kinds);
    for m in facts.moments.iter().filter(|m| counts_moment(m, options)) {
        let kind = tallies.kind(&m.kind_id);
        tallies.add_kind_day(&KindDay {
            local_date: m.local_date,
            kind,
            moments: 1,
            minutes: m.minutes,
        });
        tallies.add_ratings(&DayRatings::of_moment(m));
    }
    for d in &facts.kind_days {
        tallies.add_kind_day(d);
    }
    for r in &facts.day_ratings {
        tallies.add_ratings(r);
    }
    for c in facts
        .check_ins
        .iter()
        .filter(|c| counts_check_in(c, options))
    {
        tallies.add_check_in(c);
    }
    let weeks = tallies.finish();
    let sentences = sentences::describe(&weeks, period, facts.baby_name.as_deref());
    Patterns {
        from: period.from,
        to: period.to,
        weeks,
        sentences,
        baby_name: facts.baby_name.clone(),
    }
}

fn counts_moment(m: &MomentFact, options: &Options) -> bool {
    (options.include_private || !m.private)
        && options.baby_id.is_none_or(|id| m.baby_id == Some(id))
        && options.kind_id.as_ref().is_none_or(|k| *k == m.kind_id)
}

fn counts_check_in(c: &CheckInFact, options: &Options) -> bool {
    options.include_private || !c.private
}

/// A running sum and count.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    total: i64,
    count: u32,
}

impl Sum {
    fn add(&mut self, value: Option<i64>) {
        if let Some(v) = value {
            self.total += v;
            self.count += 1;
        }
    }

    fn add_sum(&mut self, total: i64, count: u32) {
        self.total += total;
        self.count += count;
    }

    fn average(self) -> Option<Average> {
        (self.count > 0).then(|| Average {
            average: self.total as f64 / f64::from(self.count),
            count: self.count,
        })
    }
}

/// What one week adds up while the facts are read.
#[derive(Debug, Clone, Default)]
struct Tally {
    moments: u32,
    per_kind: Vec<(u32, i64)>,
    skin_minutes: i64,
    skin_days: u8,
    connection: Sum,
    energy: Sum,
    connection_values: [u32; 5],
    mood: Sum,
    sleep: Sum,
    who: WhoCounts,
}

/// The weeks of a range being added up, with the kinds to name them by.
struct Tallies {
    from: NaiveDate,
    to: NaiveDate,
    kinds: Vec<KindName>,
    kind_index: HashMap<String, usize>,
    weeks: Vec<Tally>,
}

impl Tallies {
    fn new(from: NaiveDate, to: NaiveDate, kinds: &[KindName]) -> Self {
        let count = usize::try_from((to - from).num_days() / 7 + 1).unwrap_or(0);
        let kinds = kinds.to_vec();
        let kind_index = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| (k.id.clone(), i))
            .collect();
        let blank = Tally {
            per_kind: vec![(0, 0); kinds.len()],
            ..Tally::default()
        };
        Self {
            from,
            to,
            kinds,
            kind_index,
            weeks: vec![blank; count],
        }
    }

    /// The week and the day within it (0 to 6) of `day`, when it is in the range.
    fn slot(&self, day: NaiveDate) -> Option<(usize, u32)> {
        if day < self.from || day > self.to {
            return None;
        }
        let offset = (day - self.from).num_days();
        Some((
            usize::try_from(offset / 7).ok()?,
            u32::try_from(offset % 7).ok()?,
        ))
    }

    /// The index of `kind_id`, naming a kind missing from the list by its id.
    fn kind(&mut self, kind_id: &str) -> usize {
        if let Some(&i) = self.kind_index.get(kind_id) {
            return i;
        }
        self.kinds.push(KindName {
            id: kind_id.to_string(),
            name: kind_id.to_string(),
            emoji: String::new(),
        });
        self.weeks.iter_mut().for_each(|w| w.per_kind.push((0, 0)));
        self.kind_index
            .insert(kind_id.to_string(), self.kinds.len() - 1);
        self.kinds.len() - 1
    }

    /// Adds one kind's sums of a day; `d.kind` is a place in the kinds the tallies began with.
    fn add_kind_day(&mut self, d: &KindDay) {
        let Some((week, day)) = self.slot(d.local_date) else {
            return;
        };
        let skin = self.kinds.get(d.kind).is_some_and(|k| k.id == SKIN_TO_SKIN);
        let tally = &mut self.weeks[week];
        tally.moments += d.moments;
        if let Some(kind) = tally.per_kind.get_mut(d.kind) {
            kind.0 += d.moments;
            kind.1 += d.minutes;
        }
        if skin && d.moments > 0 {
            tally.skin_minutes += d.minutes;
            tally.skin_days |= 1 << day;
        }
    }

    fn add_ratings(&mut self, r: &DayRatings) {
        if let Some((week, _)) = self.slot(r.local_date) {
            self.weeks[week].add_ratings(r);
        }
    }

    fn add_check_in(&mut self, c: &CheckInFact) {
        if let Some((week, _)) = self.slot(c.local_date) {
            let tally = &mut self.weeks[week];
            tally.mood.add(c.mood.map(i64::from));
            tally.sleep.add(c.sleep_minutes);
        }
    }

    fn finish(self) -> Vec<Week> {
        let (from, to, kinds) = (self.from, self.to, &self.kinds);
        self.weeks
            .into_iter()
            .enumerate()
            .map(|(i, tally)| {
                let first_day = from + Days::new(i as u64 * 7);
                let last_day = (first_day + Days::new(6)).min(to);
                tally.into_week(first_day, last_day, kinds)
            })
            .collect()
    }
}

impl Tally {
    fn add_ratings(&mut self, d: &DayRatings) {
        let rated: u32 = d.connection_values.iter().sum();
        let total: i64 = (1..=5)
            .zip(d.connection_values)
            .map(|(v, n)| v * i64::from(n))
            .sum();
        self.connection.add_sum(total, rated);
        self.energy.add_sum(d.energy_sum, d.energy_count);
        for (all, n) in self.connection_values.iter_mut().zip(d.connection_values) {
            *all += n;
        }
        self.who.me += d.who.me;
        self.who.partner += d.who.partner;
        self.who.other += d.who.other;
    }

    fn into_week(self, first_day: NaiveDate, last_day: NaiveDate, kinds: &[KindName]) -> Week {
        let days = u32::try_from((last_day - first_day).num_days() + 1).unwrap_or(1);
        Week {
            first_day,
            last_day,
            days,
            moments: self.moments,
            moments_per_day: f64::from(self.moments) / f64::from(days),
            skin_to_skin_minutes: self.skin_minutes,
            skin_to_skin_days: self.skin_days.count_ones(),
            kinds: kind_weeks(&self.per_kind, kinds),
            connection: self.connection.average(),
            energy: self.energy.average(),
            connection_values: self.connection_values,
            mood: self.mood.average(),
            sleep_minutes: self.sleep.average(),
            who: self.who,
        }
    }
}

fn kind_weeks(per_kind: &[(u32, i64)], kinds: &[KindName]) -> Vec<KindWeek> {
    per_kind
        .iter()
        .zip(kinds)
        .filter(|((moments, _), _)| *moments > 0)
        .map(|(&(moments, minutes), k)| KindWeek {
            kind_id: k.id.clone(),
            name: k.name.clone(),
            emoji: k.emoji.clone(),
            moments,
            minutes,
        })
        .collect()
}
