//! criterion: DataTree operations through the full prep + apply path on a tree of 100,000
//! znodes (100 parents × 1,000 children). `cargo bench -p zabscope-core --bench tree`.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use zabscope_core::zk::acl::Acl;
use zabscope_core::zk::request::{CreateMode, Request, RequestContext};
use zabscope_core::{DbConfig, SessionId, SimTime, ZkDatabase, Zxid};

const PARENTS: usize = 100;
const CHILDREN: usize = 1_000;

struct Bench {
    db: ZkDatabase,
    ctx: RequestContext,
    zxid: u64,
}

impl Bench {
    fn write(&mut self, req: &Request) {
        self.zxid += 1;
        let e = self
            .db
            .prep(&self.ctx, req, Zxid(self.zxid), SimTime(self.zxid));
        black_box(self.db.apply(&e));
    }
}

fn create(path: String) -> Request {
    Request::Create {
        path,
        data: Some(vec![b'x'; 16]),
        acl: Acl::open_unsafe(),
        mode: CreateMode::Persistent,
        ttl: -1,
    }
}

fn tree_100k() -> Bench {
    let mut b = Bench {
        db: ZkDatabase::new(DbConfig::default()),
        ctx: RequestContext::new(SessionId(1), 0, vec![]),
        zxid: 0,
    };
    for p in 0..PARENTS {
        b.write(&create(format!("/p{p}")));
        for c in 0..CHILDREN {
            b.write(&create(format!("/p{p}/c{c}")));
        }
    }
    assert_eq!(b.db.tree().node_count(), 4 + PARENTS + PARENTS * CHILDREN);
    b
}

fn benches(c: &mut Criterion) {
    let mut b = tree_100k();
    let mut i = 0usize;
    c.bench_function("getData (100k nodes)", |bench| {
        bench.iter(|| {
            i = (i + 7919) % (PARENTS * CHILDREN);
            let req = Request::GetData {
                path: format!("/p{}/c{}", i / CHILDREN, i % CHILDREN),
                watch: false,
            };
            black_box(b.db.read(&b.ctx, &req))
        })
    });
    c.bench_function("setData (100k nodes)", |bench| {
        bench.iter(|| {
            i = (i + 7919) % (PARENTS * CHILDREN);
            let req = Request::SetData {
                path: format!("/p{}/c{}", i / CHILDREN, i % CHILDREN),
                data: Some(vec![b'y'; 16]),
                version: -1,
            };
            b.write(&req);
        })
    });
    c.bench_function("getChildren of 1,000 (100k nodes)", |bench| {
        bench.iter(|| {
            i = (i + 1) % PARENTS;
            black_box(b.db.read(
                &b.ctx,
                &Request::GetChildren {
                    path: format!("/p{i}"),
                    watch: false,
                },
            ))
        })
    });
    let mut n = 0u64;
    c.bench_function("create + delete (100k nodes)", |bench| {
        bench.iter(|| {
            n += 1;
            let path = format!("/p{}/new{n}", n % PARENTS as u64);
            b.write(&create(path.clone()));
            b.write(&Request::Delete { path, version: -1 });
        })
    });
    c.bench_function("build 100k-node tree (create ×100,100)", |bench| {
        bench.iter_batched(
            || (),
            |()| black_box(tree_100k()),
            criterion::BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = tree;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = benches
}
criterion_main!(tree);
