use zabscope_core::bench::{Mode, Workload};
use zabscope_core::trace::Event;
#[test]
fn probe() {
    let mut w = Workload::new(5, 5, Mode::BrowserNoInvariants).unwrap();
    w.run(100_000);
    let tr = w.simulation().trace();
    let mut steps: Vec<Vec<Event>> = Vec::new();
    for e in tr.iter().rev().take(30000) { if steps.last().is_none_or(|s| s[0].step != e.step) { steps.push(vec![]); } steps.last_mut().unwrap().push(e.clone()); }
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..10 { for s in &steps { if let Some(x) = zabscope_core::explain::narrate(s, None, |_| None) { n += x.key.len(); std::hint::black_box(&x); } } }
    println!("narrate: {:.1} ns/step over {} steps ({n})", t.elapsed().as_secs_f64() * 1e9 / (10 * steps.len()) as f64, steps.len());
    let t = std::time::Instant::now();
    for _ in 0..10 { for s in &steps { let x = zabscope_core::explain::timeline::markers(s, |_, _| true); std::hint::black_box(&x); } }
    println!("markers: {:.1} ns/step", t.elapsed().as_secs_f64() * 1e9 / (10 * steps.len()) as f64);
}
