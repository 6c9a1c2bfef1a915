//! The page's own texts, by key.

mod en;
pub use en::{t, tf};
