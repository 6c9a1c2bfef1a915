//! The English sentences, by key (the same texts everywhere). A translation
//! is another table with the same keys and `{name}` placeholders; the page and the cli render
//! a [`Text`](crate::explain::Text) through one of them and build no sentence themselves.
//!
//! One file per area (`protocol`, `display`, `checks`, `errors`, `lessons`), joined at compile time.

mod checks;
mod display;
mod errors;
mod lessons;
mod protocol;

use crate::explain::Text;

const PARTS: [&[(&str, &str)]; 5] = [
    protocol::TEXTS,
    display::TEXTS,
    checks::TEXTS,
    errors::TEXTS,
    lessons::TEXTS,
];

/// `(key, template)`; `{name}` is replaced by the argument `name`.
pub const TEXTS: &[(&str, &str)] =
    &crate::explain::lang::concat::<{ crate::explain::lang::total(&PARTS) }>(&PARTS);

/// Render `t` (its key with its arguments) in English. An unknown key renders as the key and its
/// arguments (never a panic); a placeholder with no argument renders as `?`.
#[must_use]
pub fn text(t: &Text) -> String {
    super::lang::render(t, super::Lang::En)
}
