use zabscope_core::sim::kernel::Item;
use zabscope_core::*;

#[test]
#[ignore]
fn mem_probe() {
    let n = 3;
    let mut sim = Simulation::with_servers(n, 1).unwrap();
    sim.keep_trace(false);
    sim.run_until(10_000, |s| !s.view().leaders().is_empty());
    for i in 1..=n {
        sim.apply(Command::Connect {
            client: format!("c{i}"),
            server: ServerId(i),
            timeout_ms: 30_000,
        })
        .unwrap();
    }
    sim.apply(Command::Op {
        client: "c1".into(),
        op: ClientOp::Create {
            path: "/bench".into(),
            data: "0".into(),
            ephemeral: false,
        },
    })
    .unwrap();
    sim.run_for(500);
    let mut round = 0u64;
    for k in 0..2_000_000u64 {
        if sim
            .kernel()
            .clients
            .first()
            .is_none_or(|c| c.outstanding.is_empty())
        {
            round += 1;
            for i in 1..=n {
                let op = ClientOp::Set {
                    path: "/bench".into(),
                    data: format!("{round}"),
                };
                let _ = sim.apply(Command::Op {
                    client: format!("c{i}"),
                    op,
                });
            }
        }
        sim.step();
        if k % 200_000 == 0 {
            let kern = sim.kernel();
            let logs: Vec<usize> = kern.nodes.iter().map(|n| n.durable().log.len()).collect();
            let snaps: Vec<usize> = kern
                .nodes
                .iter()
                .map(|n| n.durable().snapshots.len())
                .collect();
            let outs: Vec<usize> = kern.clients.iter().map(|c| c.outstanding.len()).collect();
            let pend: Vec<usize> = kern
                .nodes
                .iter()
                .filter_map(|n| n.server.as_ref())
                .map(|s| s.core.pending.len() + s.core.waiting.len())
                .collect();
            let dels = kern
                .agenda
                .values()
                .filter(|i| matches!(i, Item::Deliver(_)))
                .count();
            println!(
                "k={k} now={} round={round} agenda={} deliveries={dels} logs={logs:?} snaps={snaps:?} outstanding={outs:?} pending={pend:?} leaders={:?}",
                kern.now,
                kern.agenda.len(),
                sim.view().leaders()
            );
        }
    }
}
