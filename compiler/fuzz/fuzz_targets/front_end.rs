//! libFuzzer target: the front-end (lex, parse, scope checks, AST dump,
//! token listing, error rendering, bytecode compiler, verifier and
//! disassembler: `../pipeline.rs`, shared with
//! `tests/fuzz_front_end.rs`) must not panic, overflow the stack or hang on
//! any input.
//!
//! From `compiler/`, with `cargo install cargo-fuzz --locked` done once
//! (cargo-fuzz needs nightly features; `RUSTC_BOOTSTRAP=1` unlocks them on
//! the stable toolchain):
//!
//! ```text
//! fuzz/seed_corpus.sh
//! RUSTC_BOOTSTRAP=1 cargo fuzz run front_end -- -dict=fuzz/front_end.dict \
//!     -max_total_time=600 -timeout=5 -max_len=16384
//! ```
//!
//! Crashes land in `fuzz/artifacts/front_end/`; rerun one with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run front_end fuzz/artifacts/front_end/<file>`.
//! The timeout is 5 s rather than the property test's 2 s because of the
//! sanitizer and coverage instrumentation.
//!
//! libFuzzer runs inputs on the main thread, whose stack is 8 MiB rather
//! than the compiler's 256 MiB (`main.rs`), so each input runs on a thread
//! with the compiler's stack, as in the driver.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

#[path = "../pipeline.rs"]
mod pipeline;
use pipeline::{front_end, STACK_BYTES};

/// One long-lived thread with the compiler's stack. A panic there aborts
/// the process (libFuzzer's panic hook), which libFuzzer reports as a crash.
struct Worker {
    inputs: Sender<Vec<u8>>,
    done: Receiver<()>,
}

fn worker() -> &'static Mutex<Worker> {
    static WORKER: OnceLock<Mutex<Worker>> = OnceLock::new();
    WORKER.get_or_init(|| {
        let (input_tx, input_rx) = mpsc::channel::<Vec<u8>>();
        let (done_tx, done_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("krait-front-end".to_owned())
            .stack_size(STACK_BYTES)
            .spawn(move || {
                for input in input_rx {
                    front_end(&input);
                    if done_tx.send(()).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn the front-end thread");
        Mutex::new(Worker {
            inputs: input_tx,
            done: done_rx,
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let worker = worker().lock().unwrap_or_else(|p| p.into_inner());
    worker
        .inputs
        .send(data.to_vec())
        .expect("the front-end thread is gone");
    // A hang is caught by libFuzzer's -timeout, a panic aborts the process.
    worker.done.recv().expect("the front-end thread is gone");
});
