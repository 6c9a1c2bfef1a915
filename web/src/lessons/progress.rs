//! Which lessons were played to the end, remembered between visits in localStorage (one key,
//! the ids joined by commas). Storage may be missing, disabled or full (a quota error): the
//! progress is then kept for this visit only and the page goes on.

/// The localStorage key.
pub const KEY: &str = "zabscope.lessons.done";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// This visit's progress when storage refuses it.
    static MEMORY: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The lessons done (sorted, no duplicates).
#[must_use]
pub fn load() -> Vec<String> {
    let stored = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .unwrap_or_default();
    let mut ids: Vec<String> = stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() <= 64)
        .map(str::to_string)
        .collect();
    MEMORY.with(|m| ids.extend(m.borrow().iter().cloned()));
    ids.sort();
    ids.dedup();
    ids
}

/// Mark `id` done; returns the lessons done. A refused write (quota, disabled storage) keeps
/// it in memory for this visit.
pub fn mark_done(id: &str) -> Vec<String> {
    let mut ids = load();
    if !ids.iter().any(|i| i == id) {
        ids.push(id.to_string());
        ids.sort();
    }
    let saved = storage().is_some_and(|s| s.set_item(KEY, &ids.join(",")).is_ok());
    if !saved {
        MEMORY.with(|m| {
            let mut m = m.borrow_mut();
            if !m.iter().any(|i| i == id) {
                m.push(id.to_string());
            }
        });
    }
    ids
}
