//! The conservative part of the root set: this thread's native stack and
//! the callee-saved registers. Generated code and the runtime keep values
//! in registers and stack slots the collector knows nothing about, so
//! every aligned word between the current stack pointer and the top of
//! the thread's stack that points into an object keeps that object alive
//! (the collector never moves objects, so a word that merely looks like a
//! pointer only keeps garbage a little longer).

use std::cell::Cell;

thread_local! {
    /// The highest address of this thread's stack (0: not yet known).
    static STACK_TOP: Cell<usize> = const { Cell::new(0) };
}

#[repr(C, align(16))]
struct AttrBuf([u64; 16]);

extern "C" {
    fn pthread_self() -> usize;
    fn pthread_getattr_np(thread: usize, attr: *mut AttrBuf) -> i32;
    fn pthread_attr_getstack(attr: *const AttrBuf, addr: *mut usize, size: *mut usize) -> i32;
    fn pthread_attr_destroy(attr: *mut AttrBuf) -> i32;
}

/// The top (highest address) of the calling thread's stack.
fn stack_top() -> usize {
    let known = STACK_TOP.with(|t| t.get());
    if known != 0 {
        return known;
    }
    let mut attr = AttrBuf([0; 16]);
    let (mut addr, mut size) = (0usize, 0usize);
    // SAFETY: glibc's documented protocol: getattr_np fills `attr` (a
    // buffer larger than pthread_attr_t), getstack reads it, destroy frees it.
    let top = unsafe {
        if pthread_getattr_np(pthread_self(), &mut attr) != 0 {
            crate::types::registry::bug("cannot find the thread's stack");
        }
        let ok = pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        pthread_attr_destroy(&mut attr);
        if !ok {
            crate::types::registry::bug("cannot find the thread's stack");
        }
        addr + size
    };
    STACK_TOP.with(|t| t.set(top));
    top
}

/// Calls `visit` with every word of the callee-saved registers and of the
/// stack from here to its top.
#[inline(never)]
pub fn scan_stack(visit: &mut dyn FnMut(usize)) {
    let regs = callee_saved_registers();
    for &r in &regs {
        visit(r);
    }
    let here = std::hint::black_box(&regs) as *const _ as usize;
    let top = stack_top();
    let mut at = here & !7;
    while at + 8 <= top {
        // SAFETY: every aligned word between a live local of this frame
        // and the top of the stack is mapped stack memory.
        visit(unsafe { std::ptr::read_volatile(at as *const usize) });
        at += 8;
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn callee_saved_registers() -> [usize; 6] {
    let mut r = [0usize; 6];
    // SAFETY: stores six registers into the array; touches nothing else.
    unsafe {
        std::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    r
}

#[cfg(target_arch = "aarch64")]
#[inline(always)]
fn callee_saved_registers() -> [usize; 12] {
    let mut r = [0usize; 12];
    // SAFETY: stores twelve registers into the array; touches nothing else.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{p}]",
            "stp x21, x22, [{p}, #16]",
            "stp x23, x24, [{p}, #32]",
            "stp x25, x26, [{p}, #48]",
            "stp x27, x28, [{p}, #64]",
            "stp x29, x30, [{p}, #80]",
            p = in(reg) r.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_sees_a_word_of_this_frame() {
        let marker = std::hint::black_box([0x5eed_f00d_usize; 1]);
        let mut seen = false;
        scan_stack(&mut |w| seen |= w == 0x5eed_f00d);
        assert!(seen);
        std::hint::black_box(&marker);
    }
}
