//! The `refuge` command; everything it does is in [`refuge::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = refuge::cli::Cli::parse();
    match refuge::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("refuge: {err:#}");
            ExitCode::FAILURE
        }
    }
}
