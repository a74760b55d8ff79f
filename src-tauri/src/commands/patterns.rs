//! Patterns: the parent's weeks, care given beside closeness felt, with their charts. The
//! command reads the figures with `nestling_journal::patterns` and draws them with
//! `nestling_charts`; it holds no logic of its own.

use nestling_charts::{Chart, Theme};
use nestling_journal::patterns::{self, Options, Patterns, Span};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// What the Patterns screen asks for.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PatternsRequest {
    range: Span,
    #[serde(default)]
    baby_id: Option<i64>,
    #[serde(default)]
    kind_id: Option<String>,
    #[serde(default)]
    theme: Theme,
}

/// The weekly figures and sentences with their charts.
#[derive(Debug, Serialize)]
pub(crate) struct PatternsReply {
    #[serde(flatten)]
    patterns: Patterns,
    charts: Vec<Chart>,
}

/// The weeks of a range as of today on this computer's clock, private moments included (this
/// is the parent's own screen), with their charts in the parent's theme.
#[tauri::command]
pub(crate) async fn patterns(
    state: State<'_, AppState>,
    request: PatternsRequest,
) -> Result<PatternsReply> {
    let today = chrono::Local::now().date_naive();
    let options = Options {
        baby_id: request.baby_id,
        kind_id: request.kind_id,
        include_private: true,
    };
    state.with_store(|store| {
        let patterns = patterns::patterns(store.conn(), request.range, &options, today)?;
        let charts = nestling_charts::for_patterns(&patterns, request.theme)?;
        Ok(PatternsReply { patterns, charts })
    })
}
