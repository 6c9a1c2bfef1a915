//! The store's zkCli actions: opening a client's console (zkCli starts: it connects with the
//! client's session and prints SyncConnected) and running a line typed in it. The console's
//! requests run on the simulation through `PageBackend`; what zkCli prints goes into the
//! transcripts by step.

use crate::console::backend::PageBackend;
use crate::console::transcript::LineKind;
use crate::store::Model;
use std::rc::Rc;

impl Model {
    /// Open `client`'s zkCli console; the first time, zkCli starts: it connects (the client's
    /// existing session) and prints the SyncConnected event, as zkCli does.
    pub(crate) fn open_zk(&mut self, client: &str) {
        let mut consoles = self.shared.consoles.borrow_mut();
        if consoles.clis.contains_key(client) {
            return;
        }
        let (seen, step) = {
            let sim = self.shared.sim.borrow();
            let seen = sim.client(client).map_or(0, |c| c.events.len());
            (seen, sim.steps())
        };
        let mut cli = zabscope_core::zk::zkcli::ZkCli::new(PageBackend {
            shared: Rc::downgrade(&self.shared),
            client: client.to_string(),
            seen,
            stale: None,
        });
        let out = cli.start();
        consoles.clis.insert(client.to_string(), cli);
        drop(consoles);
        let mut zk = (*self.commands.zk).clone();
        zk.push(client, step, LineKind::Watch, out.trim_start().to_string());
        self.commands.zk = Rc::new(zk);
    }

    /// A line in the open zkCli console: zkCli parses it and prints what zkCli 3.8 prints;
    /// its requests run on the simulation (recorded, replayed by Back and `script()`).
    pub(crate) fn zk_line(&mut self, line: &str) {
        let Some(client) = self.commands.zk_console.clone() else {
            return;
        };
        self.act_now(&format!("zkCli {client}: {line}"));
        self.open_zk(&client);
        let mut consoles = self.shared.consoles.borrow_mut();
        let Some(cli) = consoles.clis.get_mut(&client) else {
            return;
        };
        let before = cli.clone();
        let prompt = cli.prompt();
        let out = cli.execute_line(line);
        let failed = cli.last_error().is_some();
        let stale = cli.backend_mut().stale.take();
        let step = self.shared.sim.borrow().steps();
        consoles.snapshot(&client, step, before);
        drop(consoles);
        let mut zk = (*self.commands.zk).clone();
        zk.push(
            &client,
            step,
            LineKind::Input,
            format!("{prompt}{}", line.trim()),
        );
        let kind = if failed {
            LineKind::Error
        } else {
            LineKind::Output
        };
        zk.push(&client, step, kind, out);
        if let Some((read, latest)) = stale {
            let text = crate::i18n::tf("zkcli.stale", &[("read", &read), ("latest", &latest)]);
            zk.push(&client, step, LineKind::Stale, text);
        }
        self.commands.zk = Rc::new(zk);
    }
}
