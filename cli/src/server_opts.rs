//! Options shared by `zabscope zkcli` and `zabscope api` that configure the simulated
//! standalone server (zoo.cfg keys and system properties).

use zabscope_core::zk::session::SessionConfig;
use zabscope_core::zk::standalone::ServerConfig;

pub const HELP: &str = "server options:
  --tick-time MS           tickTime (default 2000; session timeouts clamp to [2,20]×tickTime)
  --extended-types         zookeeper.extendedTypesEnabled=true (TTL nodes)
  --super-digest DIGEST    zookeeper.DigestAuthenticationProvider.superDigest (user:base64sha1)
  --container-check-ms MS  znode.container.checkIntervalMs (default 60000)";

/// Parses server options out of `args`; returns the config and the remaining args.
pub fn parse(args: &[String]) -> Result<(ServerConfig, Vec<String>), String> {
    let mut cfg = ServerConfig::default();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--tick-time" => {
                let v = it.next().ok_or("--tick-time needs a value")?;
                let tick: u64 = v
                    .parse()
                    .map_err(|_| format!("--tick-time: not a number: '{v}'"))?;
                if tick == 0 || tick > 1_000_000 {
                    return Err("--tick-time must be 1..=1000000".into());
                }
                cfg.session = SessionConfig::for_tick(tick);
            }
            "--extended-types" => cfg.db.extended_types_enabled = true,
            "--super-digest" => {
                let v = it.next().ok_or("--super-digest needs a value")?;
                cfg.auth.super_digest = Some(v.clone());
            }
            "--container-check-ms" => {
                let v = it.next().ok_or("--container-check-ms needs a value")?;
                let ms: u64 = v
                    .parse()
                    .map_err(|_| format!("--container-check-ms: not a number: '{v}'"))?;
                cfg.container_check_interval_ms = ms.max(1);
            }
            _ => rest.push(a.clone()),
        }
    }
    Ok((cfg, rest))
}
