//! `zabscope api`: the JSON-lines machine interface. Each stdin line is one request; each
//! produces one JSON line on stdout (blank lines and `#` comments produce nothing).

use std::io::{BufRead, Write};
use std::process::ExitCode;
use zabscope_core::sim::api_backend::ZabBackend;
use zabscope_core::tools::api::Api;
use zabscope_core::zk::limits;
use zabscope_core::zk::standalone::StandaloneServer;

pub fn main(args: &[String]) -> ExitCode {
    let (cfg, rest) = match crate::server_opts::parse(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("zabscope api: {e}\n{}", crate::server_opts::HELP);
            return ExitCode::from(2);
        }
    };
    if !rest.is_empty() {
        eprintln!(
            "usage: zabscope api [options] < requests.jsonl\n{}",
            crate::server_opts::HELP
        );
        return ExitCode::from(2);
    }
    let mut api = Api::new(ZabBackend::new(StandaloneServer::new(cfg)));
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    // Lines as bytes: an invalid UTF-8 line is answered with an error line, not the end.
    for line in stdin.lock().split(b'\n') {
        let Ok(line) = line else { break };
        let reply = api.handle_bytes(limits::chomp(&line));
        if reply.is_empty() {
            continue;
        }
        if writeln!(out, "{reply}").is_err() {
            break;
        }
        let _ = out.flush();
    }
    ExitCode::SUCCESS
}
