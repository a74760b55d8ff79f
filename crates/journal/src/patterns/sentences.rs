//! The sentences that describe a range of weeks, in Nestling's gentle voice.
//!
//! They describe what the parent logged and never judge it: no streaks, goals or scores, no
//! "only", no "should", and no cause and effect (care and closeness are set side by side, never
//! one said to bring the other). When there are too few ratings to speak of a pattern, the
//! sentence says so kindly instead of claiming one.

use chrono::NaiveDate;

use super::{Period, Span, Week};

/// How many connection ratings each half of the range needs before a sentence compares them.
pub const MIN_RATINGS_PER_HALF: u32 = 5;

/// What is said when there are too few ratings for a pattern.
pub const TOO_FEW_RATINGS: &str = "There are not many closeness ratings yet to show a pattern.";

/// One sentence about the care given and one about closeness felt, for `weeks` of `period`.
/// `baby` is the name of the baby the figures are narrowed to.
pub fn describe(weeks: &[Week], period: &Period, baby: Option<&str>) -> Vec<String> {
    vec![care(weeks, period, baby), closeness(weeks)]
}

fn care(weeks: &[Week], period: &Period, baby: Option<&str>) -> String {
    let moments: u32 = weeks.iter().map(|w| w.moments).sum();
    let skin_days: u32 = weeks.iter().map(|w| w.skin_to_skin_days).sum();
    let opening = opening(period);
    if moments == 0 {
        return "There are no moments of care logged for these days yet.".to_string();
    }
    match skin_days {
        0 => format!(
            "{opening} you logged {}.",
            count(moments, "moment of care", "moments of care")
        ),
        days => format!(
            "{opening} you held {} skin to skin on {}.",
            baby.unwrap_or("your baby"),
            count(days, "day", "days")
        ),
    }
}

fn opening(period: &Period) -> String {
    match period.span {
        Span::Weeks { weeks: 1 } => "Over the last week".to_string(),
        Span::Weeks { weeks } => format!("Over the last {weeks} weeks"),
        Span::All(_) => format!("Since {}", long_date(period.from)),
        Span::Between { .. } => format!(
            "From {} to {}",
            long_date(period.from),
            long_date(period.to)
        ),
    }
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn count(n: u32, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{} {many}", grouped(n)),
    }
}

/// `n` with its thousands set apart by commas, as in "2,634": the way the app writes its dates
/// ("6 December 2026") is British English, and so are its numbers.
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn closeness(weeks: &[Week]) -> String {
    let half = weeks.len() / 2;
    if half == 0 {
        return match mostly(weeks) {
            Some(value) => format!("Your closeness ratings were mostly {value}."),
            None => TOO_FEW_RATINGS.to_string(),
        };
    }
    let first = mostly(&weeks[..half]);
    let last = mostly(&weeks[weeks.len() - half..]);
    match (first, last) {
        (Some(a), Some(b)) if a == b => {
            format!("Your closeness ratings were mostly {a}, in the first weeks as in the last.")
        }
        (Some(a), Some(b)) => format!("Your closeness ratings went from mostly {a} to mostly {b}."),
        _ => TOO_FEW_RATINGS.to_string(),
    }
}

/// The connection value given most often in `weeks` (the lower one on a tie), when at least
/// [`MIN_RATINGS_PER_HALF`] moments were rated.
fn mostly(weeks: &[Week]) -> Option<u32> {
    let mut values = [0u32; 5];
    for w in weeks {
        values
            .iter_mut()
            .zip(w.connection_values)
            .for_each(|(v, n)| *v += n);
    }
    if values.iter().sum::<u32>() < MIN_RATINGS_PER_HALF {
        return None;
    }
    let mut best = 0;
    for (i, n) in values.iter().enumerate() {
        if *n > values[best] {
            best = i;
        }
    }
    u32::try_from(best + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn thousands_are_set_apart_by_commas() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (2634, "2,634"),
            (50_000, "50,000"),
            (123_456, "123,456"),
            (1_234_567, "1,234,567"),
            (u32::MAX, "4,294,967,295"),
        ];
        for (n, written) in cases {
            assert_eq!(grouped(n), written);
        }
    }
}
