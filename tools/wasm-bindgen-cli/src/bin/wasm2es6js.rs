// wasm-bindgen-cli 0.2.130's own src/bin/wasm2es6js.rs, so the program is the published one.
use std::env;

fn main() -> anyhow::Result<()> {
    env_logger::init();
    wasm_bindgen_cli::wasm2es6js::run_cli_with_args(env::args_os())
}
