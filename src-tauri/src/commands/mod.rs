//! The commands the UI calls, one module per area. Each is an adapter: unpack, call one domain
//! function, map the error.

pub(crate) mod care;
pub(crate) mod check_in;
pub(crate) mod export;
pub(crate) mod home;
pub(crate) mod journal;
pub(crate) mod library;
pub(crate) mod patterns;
pub(crate) mod privacy;
pub(crate) mod restore;
pub(crate) mod settings;
pub(crate) mod sharing;
