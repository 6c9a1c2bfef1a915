//! `zabscope zkcli [FILE]`: zkCli on a simulated standalone server, reading commands from
//! FILE, or stdin (interactive with a prompt when stdin is a terminal).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use zabscope_core::zk::limits;
use zabscope_core::zk::standalone::StandaloneServer;
use zabscope_core::zk::zkcli::ZkCli;

pub fn main(args: &[String]) -> ExitCode {
    let (cfg, rest) = match crate::server_opts::parse(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("zabscope zkcli: {e}\n{}", crate::server_opts::HELP);
            return ExitCode::from(2);
        }
    };
    let mut cli = ZkCli::new(StandaloneServer::new(cfg));
    match rest.as_slice() {
        [] => {
            let stdin = std::io::stdin();
            let interactive = stdin.is_terminal();
            run(&mut cli, stdin.lock(), interactive)
        }
        [file] => match std::fs::File::open(file) {
            Ok(f) => run(&mut cli, std::io::BufReader::new(f), false),
            Err(e) => {
                eprintln!("zabscope zkcli: cannot read '{file}': {e}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!(
                "usage: zabscope zkcli [options] [FILE]\n{}",
                crate::server_opts::HELP
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: &mut ZkCli<StandaloneServer>, input: impl BufRead, interactive: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if interactive {
        let _ = writeln!(
            out,
            "ZabScope zkCli: a simulated ZooKeeper 3.8.0 standalone server. 'help' lists commands."
        );
    }
    // Lines as bytes: an invalid UTF-8 line prints an error line, not the end of the session.
    for line in input.split(b'\n') {
        if interactive {
            let _ = write!(out, "{}", cli.prompt());
            let _ = out.flush();
        }
        let Ok(line) = line else { break };
        let text = cli.execute_bytes(limits::chomp(&line));
        if out.write_all(text.as_bytes()).is_err() {
            break;
        }
        if cli.quit_requested() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}
