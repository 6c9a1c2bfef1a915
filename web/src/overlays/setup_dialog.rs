//! The set-up dialog: 1–15 servers (odd and even, to show why ensembles are odd), observers,
//! tickTime / initLimit / syncLimit, latency, loss, the seed, start all at once or one by one
//! (then each server is started from its menu), or a pasted zoo.cfg, and a "break ZAB" switch
//! (what if ZooKeeper did this?). Submitting starts a new
//! run; a bad value is reported in the dialog.

use crate::i18n::{Msg, t, tf, use_lang};
use crate::store::run::Setup;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use zabscope_core::check::breaks::Break;

/// The "Break ZAB" menu: no switch (ZooKeeper as it is) or one of the core's switches, by its
/// zoo.cfg name, with its explanation (the core's `break.<key>` text) under it.
fn break_menu(r: &NodeRef, chosen: Option<Break>, state: &UseStateHandle<Option<Break>>) -> Html {
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            state.set(Break::parse(&v).ok());
        })
    };
    html! {
        <div class="zs-block zs-break">
            <label for="setup-break">{ t("setup.break") }
                <select id="setup-break" ref={r.clone()} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ t("setup.break.none") }</option>
                    { for Break::ALL.iter().map(|b| html! {
                        <option value={b.key()} selected={chosen == Some(*b)}>{ b.key() }</option>
                    }) }
                </select>
            </label>
            <p id="setup-break-why" class="zs-break-why">{ chosen.map_or_else(
                || t("setup.break.hint").to_string(),
                |b| tf("setup.break.caught", &[("why", &crate::i18n::text(&b.text())), ("invariant", b.caught_by())])) }</p>
        </div>
    }
}

fn num<T: std::str::FromStr>(r: &NodeRef, default: T) -> T {
    r.cast::<HtmlInputElement>()
        .and_then(|i| i.value().trim().parse().ok())
        .unwrap_or(default)
}

#[derive(Properties, PartialEq)]
pub struct SetupDialogProps {
    pub open: bool,
    /// The choices that made the current run (the fields start from them).
    pub setup: Setup,
    /// Why the last attempt was refused.
    pub error: Option<Msg>,
    /// Start a run with these choices.
    pub onsubmit: Callback<Setup>,
    pub oncancel: Callback<()>,
}

#[component]
pub fn SetupDialog(p: &SetupDialogProps) -> Html {
    let _lang = use_lang();
    let r0 = use_node_ref();
    let r1 = use_node_ref();
    let r2 = use_node_ref();
    let r3 = use_node_ref();
    let r4 = use_node_ref();
    let r5 = use_node_ref();
    let r6 = use_node_ref();
    let r7 = use_node_ref();
    let r8 = use_node_ref();
    let r9 = use_node_ref();
    let r10 = use_node_ref();
    let refs: Vec<NodeRef> = vec![r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10];
    // The chosen break switch, so its explanation shows as the choice changes.
    let brk = use_state(|| p.setup.brk);
    {
        let (brk, cur) = (brk.clone(), p.setup.brk);
        use_effect_with((p.open, cur), move |_| brk.set(cur));
    }
    if !p.open {
        return html! {};
    }
    let s = p.setup.clone();
    let onsubmit = {
        let (submit, refs, s) = (p.onsubmit.clone(), refs.clone(), s.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let setup = Setup {
                servers: num(&refs[0], s.servers),
                observers: num(&refs[1], s.observers),
                tick_time: num(&refs[2], s.tick_time),
                init_limit: num(&refs[3], s.init_limit),
                sync_limit: num(&refs[4], s.sync_limit),
                latency_ms: num(&refs[5], s.latency_ms),
                loss_ppm: num(&refs[6], s.loss_ppm),
                seed: num(&refs[7], s.seed),
                start_all: refs[8]
                    .cast::<HtmlInputElement>()
                    .is_none_or(|i| i.checked()),
                zoo_cfg: refs[9]
                    .cast::<HtmlTextAreaElement>()
                    .map_or_else(String::new, |t| t.value()),
                brk: refs[10]
                    .cast::<HtmlSelectElement>()
                    .and_then(|s| Break::parse(&s.value()).ok()),
            };
            submit.emit(setup);
        })
    };
    let cancel = p.oncancel.reform(|_: MouseEvent| ());
    let field = |i: usize,
                 id: &'static str,
                 label: &'static str,
                 value: String,
                 min: &'static str,
                 max: &'static str| {
        html! {
            <label for={id}>{ label }
                <input id={id} ref={refs[i].clone()} type="number" min={min} max={max} value={value} />
            </label>
        }
    };
    html! {
        <div class="zs-modal" role="dialog" aria-modal="true" aria-labelledby="setup-title">
            <form class="zs-setup" {onsubmit}>
                <h2 id="setup-title">{ t("setup.title") }</h2>
                <div class="zs-grid">
                    { field(0, "setup-servers", t("setup.servers"), s.servers.to_string(), "1", "15") }
                    { field(1, "setup-observers", t("setup.observers"), s.observers.to_string(), "0", "14") }
                    { field(2, "setup-ticktime", t("setup.ticktime"), s.tick_time.to_string(), "1", "60000") }
                    { field(3, "setup-initlimit", t("setup.initlimit"), s.init_limit.to_string(), "1", "100") }
                    { field(4, "setup-synclimit", t("setup.synclimit"), s.sync_limit.to_string(), "1", "100") }
                    { field(5, "setup-latency", t("setup.latency"), s.latency_ms.to_string(), "0", "10000") }
                    { field(6, "setup-loss", t("setup.loss"), s.loss_ppm.to_string(), "0", "1000000") }
                    { field(7, "setup-seed", t("setup.seed"), s.seed.to_string(), "0", "") }
                </div>
                <label class="zs-check"><input id="setup-start-all" ref={refs[8].clone()} type="checkbox" checked={s.start_all} />
                    { " " }{ t("setup.start_all") }</label>
                <label for="setup-zoocfg" class="zs-block">{ t("setup.zoocfg") }
                    <textarea id="setup-zoocfg" ref={refs[9].clone()} rows="5" value={s.zoo_cfg.clone()}
                        placeholder={"tickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888"} />
                </label>
                { break_menu(&refs[10], *brk, &brk) }
                if let Some(e) = &p.error { <p class="zs-error" role="alert">{ e.render() }</p> }
                <div class="zs-row">
                    <button id="setup-go" type="submit">{ t("setup.go") }</button>
                    <button type="button" onclick={cancel}>{ t("dialog.cancel") }</button>
                </div>
            </form>
        </div>
    }
}
