//! What opens over the page: the set-up dialog, the keyboard shortcuts, the glossary and the
//! lesson menu. Each is a leaf
//! shown when the store's UI state says so (`App` passes `open` and the callbacks).
//!
//! The lesson menu is here too (`lessons_menu.rs`, a container); the lesson being played is
//! a panel (`crate::panels::lesson`).

pub mod glossary;
pub mod help;
pub mod lessons_menu;
pub mod setup_dialog;
