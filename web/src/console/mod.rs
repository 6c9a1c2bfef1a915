//! The page's two consoles: the command line and each client's zkCli console.

pub mod actions;
pub mod backend;
pub mod command_line;
pub mod transcript;
pub mod zkcli;
