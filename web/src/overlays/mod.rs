//! What opens over the page: the set-up dialog, the keyboard shortcuts and the glossary. Each is a leaf
//! shown when the store's UI state says so (`App` passes `open` and the callbacks).
//!
//! A lesson overlay goes here too: a component taking its step's texts (by key, `crate::i18n`)
//! and reporting through callbacks, shown by `App` from a flag in the store's UI state.

pub mod glossary;
pub mod help;
pub mod setup_dialog;
