//! `zabscope lab throughput|reliability`: the performance lab's two figures (ZooKeeper's
//! documented throughput against the read ratio, and throughput through five failures) from
//! the command line. Prints a table on stdout (and one JSON line per point or event with
//! `--json`), writes the figure as SVG with `--svg FILE`. Costs come from the defaults or from
//! a zoo.cfg given with `--cfg` (`zabscope.cost.*`, `leaderServes`; docs/performance-lab.md).

#![allow(clippy::disallowed_types)]

use std::process::ExitCode;
use zabscope_core::Config;
use zabscope_core::tools::lab::engine::Setup;
use zabscope_core::tools::lab::reliability::Reliability;
use zabscope_core::tools::lab::{Lab, LabParams, plot};

const USAGE: &str = "usage: zabscope lab throughput [--servers 3,5,7,9,13] [--reads 0,10,…,100] \
[--clients N] [--outstanding K] [--observers N] [--leader-serves yes|no] [--bytes B] \
[--warmup-ms MS] [--window-ms MS] [--cfg zoo.cfg] [--svg FILE] [--json]
       zabscope lab reliability [--servers 7] [--reads 70] [--clients N] [--outstanding K] \
[--bucket-ms MS] [--end-ms MS] [--cfg zoo.cfg] [--svg FILE] [--json]";

struct Opts {
    params: LabParams,
    bucket_ms: u64,
    end_ms: u64,
    svg: Option<String>,
    json: bool,
}

fn numbers(a: &str, v: &str) -> Result<Vec<u64>, String> {
    v.split(',')
        .map(|x| {
            x.trim()
                .replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{a}: '{x}' is not a number"))
        })
        .collect()
}

fn small(a: &str, v: u64) -> Result<u32, String> {
    u32::try_from(v).map_err(|_| format!("{a}: {v} is too large"))
}

fn parse(args: &[String], reliability: bool) -> Result<Opts, String> {
    let mut o = Opts {
        params: LabParams::default(),
        bucket_ms: 50,
        end_ms: 11_000,
        svg: None,
        json: false,
    };
    if reliability {
        o.params.servers = vec![7];
        o.params.reads = vec![70];
    }
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--json" {
            o.json = true;
            continue;
        }
        let v = it.next().ok_or_else(|| format!("{a} needs a value"))?;
        let one = || -> Result<u64, String> {
            match numbers(a, v)?[..] {
                [n] => Ok(n),
                _ => Err(format!("{a} takes one number")),
            }
        };
        let s = &mut o.params.setup;
        match a.as_str() {
            "--servers" => {
                o.params.servers = numbers(a, v)?
                    .into_iter()
                    .map(|n| small(a, n))
                    .collect::<Result<_, _>>()?;
            }
            "--reads" => {
                o.params.reads = numbers(a, v)?
                    .into_iter()
                    .map(|n| small(a, n))
                    .collect::<Result<_, _>>()?;
            }
            "--clients" => s.clients = small(a, one()?)?,
            "--outstanding" => s.outstanding = small(a, one()?)?,
            "--observers" => s.observers = small(a, one()?)?,
            "--bytes" => s.request_bytes = one()?,
            "--leader-serves" => {
                s.leader_serves = match v.as_str() {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(format!("--leader-serves is yes or no, not '{v}'")),
                }
            }
            "--warmup-ms" => o.params.warmup_ms = one()?,
            "--window-ms" => o.params.window_ms = one()?,
            "--bucket-ms" => o.bucket_ms = one()?,
            "--end-ms" => o.end_ms = one()?,
            "--cfg" => {
                let text = std::fs::read_to_string(v).map_err(|e| format!("--cfg {v}: {e}"))?;
                let cfg = Config::parse(&text).map_err(|e| format!("{v}: {e}"))?;
                s.cost = cfg.cost.clone();
                s.leader_serves = cfg.leader_serves;
            }
            "--svg" => o.svg = Some(v.clone()),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(o)
}

fn write_svg(path: &Option<String>, svg: &str) -> Result<(), String> {
    if let Some(p) = path {
        std::fs::write(p, svg).map_err(|e| format!("{p}: {e}"))?;
        eprintln!("zabscope lab: wrote {p}");
    }
    Ok(())
}

fn throughput(o: &Opts) -> Result<bool, String> {
    let mut lab = Lab::new(o.params.clone())?;
    let start = std::time::Instant::now();
    let points = lab.finish().to_vec();
    let secs = start.elapsed().as_secs_f64();
    let mut ok = true;
    println!(
        "ops/s by read % (rows) and ensemble size (columns); leaderServes={}",
        if o.params.setup.leader_serves {
            "yes"
        } else {
            "no"
        }
    );
    print!("{:>6}", "reads");
    for n in &o.params.servers {
        print!("{:>12}", format!("{n} servers"));
    }
    println!();
    for r in &o.params.reads {
        print!("{r:>5}%");
        for n in &o.params.servers {
            let p = points.iter().find(|p| p.servers == *n && p.reads == *r);
            print!("{:>12}", p.map_or(0, |p| p.ops_per_sec));
        }
        println!();
    }
    for p in &points {
        if let Some(why) = &p.failed {
            ok = false;
            eprintln!(
                "zabscope lab: {} servers, {} % reads: {why}",
                p.servers, p.reads
            );
        }
        if o.json {
            println!("{}", serde_json::to_string(p).map_err(|e| e.to_string())?);
        }
    }
    eprintln!("zabscope lab: {} points in {secs:.1} s", points.len());
    write_svg(&o.svg, &plot::throughput_svg(&points))?;
    Ok(ok)
}

fn reliability(o: &Opts) -> Result<bool, String> {
    let setup = Setup {
        voters: o.params.servers.first().copied().unwrap_or(7),
        read_pct: o.params.reads.first().copied().unwrap_or(70),
        ..o.params.setup.clone()
    };
    let start = std::time::Instant::now();
    let mut run = Reliability::new(setup, o.bucket_ms, o.end_ms)?;
    run.finish();
    let secs = start.elapsed().as_secs_f64();
    let series = run.series();
    let marks = run.marks();
    println!(
        "{:>8}  {:<28} {:>14} {:>16}",
        "at", "event", "ZAB sim (ms)", "throughput back"
    );
    let mut ok = true;
    for m in &marks {
        let kernel = m.kernel_ms.map_or("-".to_string(), |v| v.to_string());
        let back = m
            .recovered_ms
            .map_or("never".to_string(), |v| format!("{v} ms"));
        println!(
            "{:>7}s  {:<28} {kernel:>14} {back:>16}",
            m.at_ms as f64 / 1000.0,
            m.label
        );
        ok &= m.recovered_ms.is_some();
        if o.json {
            println!("{}", serde_json::to_string(m).map_err(|e| e.to_string())?);
        }
    }
    let before: Vec<u64> = series
        .iter()
        .filter(|s| s.at_ms >= 300 && s.at_ms < 1_000)
        .map(|s| s.ops_per_sec)
        .collect();
    let steady = before.iter().sum::<u64>() / before.len().max(1) as u64;
    println!("steady throughput before the first event: {steady} ops/s");
    eprintln!("zabscope lab: {} ms simulated in {secs:.1} s", run.end_ms());
    write_svg(
        &o.svg,
        &plot::reliability_svg(&series, &marks, run.end_ms()),
    )?;
    Ok(ok)
}

pub fn main(args: &[String]) -> ExitCode {
    let (which, rest) = match args.split_first() {
        Some((w, r)) => (w.as_str(), r),
        None => ("", args),
    };
    let result = match which {
        "throughput" => parse(rest, false).and_then(|o| throughput(&o)),
        "reliability" => parse(rest, true).and_then(|o| reliability(&o)),
        _ => Err(format!(
            "which figure: throughput or reliability, not '{which}'"
        )),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("zabscope lab: a workload did not hold (see above)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("zabscope lab: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
