//! What Today may offer from the check-ins: the parent's check-in settings turned into the
//! journal's plan, then the journal's prompts for a day.

use chrono::NaiveDate;
use nestling_journal::prompts::{self, Plan, Prompts};
use nestling_store::settings::{self, CheckInFrequency, Settings};
use nestling_store::Store;

use crate::error::Result;

/// What Today offers on the parent's local day `today`: a due check-in, the low-mood card.
pub fn check_in_prompts(store: &Store, today: NaiveDate) -> Result<Prompts> {
    let plan = plan(&settings::get_all(store.conn())?);
    Ok(prompts::prompts(store.conn(), &plan, today)?)
}

/// The parent's check-in settings as the journal's [`Plan`].
fn plan(settings: &Settings) -> Plan {
    Plan {
        every_days: match settings.check_in {
            Some(CheckInFrequency::Daily) => Some(1),
            Some(CheckInFrequency::Weekly) => Some(7),
            Some(CheckInFrequency::Off) | None => None,
        },
        low_mood_card: settings.low_mood_card,
        dismissed_on: settings.low_mood_card_dismissed_on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_and_weekly_check_ins_become_one_and_seven_days_and_off_becomes_none() {
        let store = Store::open_in_memory().expect("opened");
        let mut settings = settings::get_all(store.conn()).expect("settings");
        settings.check_in = Some(CheckInFrequency::Daily);
        assert_eq!(plan(&settings).every_days, Some(1));
        settings.check_in = Some(CheckInFrequency::Weekly);
        assert_eq!(plan(&settings).every_days, Some(7));
        settings.check_in = Some(CheckInFrequency::Off);
        assert_eq!(plan(&settings).every_days, None);
    }
}
