//! The one error type of the charts crate.

/// What can go wrong while drawing a chart.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The drawing library refused a chart (a bug: its text backend cannot fail on its own).
    #[error(
        "The {chart} chart could not be drawn. Please report this; the figures are still shown."
    )]
    Draw {
        /// The chart's id.
        chart: &'static str,
    },
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
