//! The lab's knobs (a lesson's controls until lessons have a format of their own): ensemble
//! size, observers, read ratio, `leaderServes`, the disk's fsync time, and a button back to
//! the documented set-up. A leaf: every change is reported whole through `onchange`, and the
//! overlay recomputes what it affects.

use crate::i18n::{t, tf};
use crate::store::lab::Knobs;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The ensemble sizes offered (odd, as ensembles are; the documented five among them).
const VOTERS: [u32; 7] = [3, 5, 7, 9, 11, 13, 15];
const OBSERVERS: [u32; 7] = [0, 1, 2, 3, 4, 6, 8];
/// fsync times offered, µs: an SSD, the documented 15K RPM drive, a 7,200 RPM drive, a slow
/// shared disk.
const FSYNC_US: [u64; 4] = [100, 2_000, 8_000, 20_000];

#[derive(Properties, PartialEq)]
pub struct KnobsProps {
    pub knobs: Knobs,
    pub onchange: Callback<Knobs>,
}

fn select_value(e: &Event) -> Option<u64> {
    e.target_dyn_into::<HtmlSelectElement>()
        .and_then(|s| s.value().parse().ok())
}

/// A select of `options` (labelled by `label`) that reports the chosen one through `set`.
fn select<T: Copy + PartialEq + Into<u64> + 'static>(
    id: &'static str,
    options: &[T],
    current: T,
    label: impl Fn(T) -> String,
    set: Callback<u64>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = select_value(&e) {
            set.emit(v);
        }
    });
    html! {
        <select {id} {onchange}>
            { for options.iter().map(|o| html! {
                <option value={(*o).into().to_string()} selected={*o == current}>{ label(*o) }</option>
            }) }
        </select>
    }
}

#[component]
pub fn LabKnobs(p: &KnobsProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let k = p.knobs;
    let with = |f: fn(&mut Knobs, u64)| {
        let on = p.onchange.clone();
        Callback::from(move |v: u64| {
            let mut n = k;
            f(&mut n, v);
            on.emit(n);
        })
    };
    let reads = {
        let on = p.onchange.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().parse::<u32>().ok())
            {
                on.emit(Knobs {
                    reads: v.min(100),
                    ..k
                });
            }
        })
    };
    let serves = {
        let on = p.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                on.emit(Knobs {
                    leader_serves: i.checked(),
                    ..k
                });
            }
        })
    };
    let reset = {
        let on = p.onchange.clone();
        Callback::from(move |_: MouseEvent| on.emit(Knobs::default()))
    };
    html! {
        <form class="zs-lab-knobs" aria-label={t("lab.knobs")} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h3>{ t("lab.knobs") }</h3>
            <label for="lab-voters">{ t("lab.k.voters") }
                { select("lab-voters", &VOTERS, k.voters, |v| v.to_string(),
                    with(|n, v| n.voters = u32::try_from(v).unwrap_or(7))) }
            </label>
            <label for="lab-observers">{ t("lab.k.observers") }
                { select("lab-observers", &OBSERVERS, k.observers, |v| v.to_string(),
                    with(|n, v| n.observers = u32::try_from(v).unwrap_or(0))) }
            </label>
            <label for="lab-reads">{ tf("lab.k.reads", &[("reads", &k.reads.to_string())]) }
                <input id="lab-reads" type="range" min="0" max="100" step="10"
                    value={k.reads.to_string()} oninput={reads} />
            </label>
            <label for="lab-fsync">{ t("lab.k.fsync") }
                { select("lab-fsync", &FSYNC_US, k.fsync_us, |v| tf(&format!("lab.fsync.{v}"), &[]),
                    with(|n, v| n.fsync_us = v)) }
            </label>
            <label class="zs-check" for="lab-leader-serves">
                <input id="lab-leader-serves" type="checkbox" checked={k.leader_serves} onchange={serves} />
                { t("lab.k.leader_serves") }
            </label>
            <button id="lab-reset" type="button" onclick={reset}>{ t("lab.k.reset") }</button>
            <p class="zs-lab-hint">{ t("lab.hint") }</p>
        </form>
    }
}
