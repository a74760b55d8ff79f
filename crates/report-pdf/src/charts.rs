//! The report's week-by-week charts, chosen once for the PDF and for the preview in the app.

use nestling_charts::{Chart, ChartId, Theme};
use nestling_export::Report;
use nestling_journal::patterns::Patterns;

use crate::Result;

/// The charts of the report's weeks, drawn by the same code as the Patterns screen's: care and
/// skin to skin, closeness when ratings are shared, mood and sleep when check-ins are; who gave
/// the care is left to the app. None when the report holds neither moments nor check-ins.
pub fn report_charts(report: &Report, theme: Theme) -> Result<Vec<Chart>> {
    let s = &report.summary;
    if s.moments == 0 && report.check_ins.is_empty() {
        return Ok(Vec::new());
    }
    let patterns = Patterns {
        from: report.first_day,
        to: report.last_day,
        weeks: s.weekly.clone(),
        sentences: Vec::new(),
        baby_name: None,
    };
    let wanted = |id: ChartId| match id {
        ChartId::Care | ChartId::Skin => true,
        ChartId::Closeness => report.include.ratings,
        ChartId::CheckIns => report.include.check_ins,
        ChartId::Who => false,
    };
    Ok(nestling_charts::for_patterns(&patterns, theme)?
        .into_iter()
        .filter(|c| wanted(c.id))
        .collect())
}
