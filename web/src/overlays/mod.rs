//! What opens over the page.

pub mod help;
pub mod setup_dialog;
