//! The page's two consoles: the command line (scenario commands, as a script file says them)
//! and each client's zkCli console — its component, its transcript by step, the `Backend` it
//! runs on (the page's simulation) and the store actions that open it and run a line.

pub mod actions;
pub mod backend;
pub mod command_line;
pub mod transcript;
pub mod zkcli;
