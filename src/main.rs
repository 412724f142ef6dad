use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = refuge::cli::Cli::parse();
    match refuge::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("refuge: {err:#}");
            ExitCode::FAILURE
        }
    }
}
