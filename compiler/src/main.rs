fn main() {
    let (a, b, c) = inkwell::support::get_llvm_version();
    eprintln!("{a}.{b}.{c}");
}
