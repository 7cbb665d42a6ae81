//! The `pixtip` command line: parses arguments, shows progress, and calls the
//! facade crate `pixtip`, which does all the work.

mod args;
mod atlas;
mod flag_errors;
mod request;
mod terminal;

use anyhow::Result;
use args::{ChartArgs, Cli, Command, DemoArgs, preset};
use clap::Parser;
use flag_errors::in_flags;
use pixtip::job::run_chart_job;
use pixtip::report::Progress;
use pixtip_random::Seed;
use pixtip_tutorial::blobs::MemoryBudget;
use pixtip_tutorial::demo::{DemoOptions, run_demo};
use request::chart_request;
use std::process::ExitCode;
use terminal::{open_in_browser, print_files, progress_bar, show};

fn chart(args: ChartArgs) -> Result<()> {
    let request = chart_request(&args);
    if args.atlas.atlas {
        atlas::run(&request, &args.atlas, &args.out)?;
        if args.page.open {
            open_in_browser(&args.out.join("index.html"))?;
        }
        return Ok(());
    }
    let bar = progress_bar();
    let summary = run_chart_job(&request, &args.out, &mut |progress: Progress| {
        show(&bar, progress)
    })
    .map_err(in_flags)?;
    bar.finish_and_clear();
    println!("{} rows charted; wrote:", summary.rows);
    print_files(&summary.files);
    println!("\n{}", summary.size_report);
    if args.page.open {
        open_in_browser(&args.out.join("chart.html"))?;
    }
    Ok(())
}

fn demo(args: DemoArgs) -> Result<()> {
    let seed = match &args.seed {
        Some(seed) => seed.clone(),
        None => Seed::text(&args.seed_text),
    };
    let options = DemoOptions {
        rows: args.rows,
        width: args.width,
        ndim: usize::from(args.ndim),
        seed,
        save_arrays: args.save_arrays,
        offline_js: args.page.offline_js.clone(),
        picture_files: args.picture_files,
        preset: preset(args.page.png),
        memory_budget: args
            .memory_budget
            .map_or_else(MemoryBudget::from_machine, MemoryBudget::mib),
    };
    let bar = progress_bar();
    let summary = run_demo(&args.out, &options, &mut |progress: Progress| {
        show(&bar, progress)
    })?;
    bar.finish_and_clear();

    println!("wrote:");
    print_files(&summary.files);
    println!("\n{}", summary.size_report);
    if args.page.open {
        let page = args.out.join("metric-switch.html");
        open_in_browser(&page)?;
    }
    Ok(())
}

/// The error and its causes on one line, joined by colons, leaving out a cause
/// whose text the message before it already includes.
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line.replace('\n', " ")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) || matches!(
                error.kind(),
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = error.print();
                return ExitCode::SUCCESS;
            }
            // clap's first line says what is wrong; the usage lines after it are noise here.
            let text = error.to_string();
            let message: Vec<&str> = text
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = message.join(" ");
            eprintln!(
                "pixtip: {} (see `pixtip --help`)",
                message.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Demo(args) => demo(args),
        Command::Chart(args) => chart(*args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pixtip: {}", one_line(&error));
            ExitCode::FAILURE
        }
    }
}
