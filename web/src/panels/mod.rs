//! The panels around the ring: the header, the playback bar (transport and timeline), the
//! narration line, manual delivery and the trace. Each is a leaf: it draws what its props say
//! and reports clicks through callbacks; `App` reads the store and wires them.
//!
//! `sequence/` is the sequence diagram (an inspector tab). A new panel is a file here: a component taking props, and one line
//! in `App`'s layout that gives it its data from the store.

pub mod css;
pub mod event_log;
pub mod header;
pub mod highlight;
pub mod lab;
pub mod lesson;
pub mod manual;
pub mod narration;
pub mod notice;
pub mod sequence;
pub mod timeline;
pub mod transport;
