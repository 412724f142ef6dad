//! The `refuge-demo` program: what `refuge demo` and `refuge demo-data` run (see [`refuge_demo::cli`]).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = refuge_demo::cli::Cli::parse();
    match refuge_demo::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("refuge: {err:#}");
            ExitCode::FAILURE
        }
    }
}
