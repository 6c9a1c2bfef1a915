//! The panels around the ring.

pub mod event_log;
pub mod header;
pub mod manual;
pub mod narration;
pub mod timeline;
pub mod transport;
