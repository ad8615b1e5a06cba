//! Long division on 64-bit limbs, for quotients a few limbs long.
//!
//! num-bigint divides large operands with Burnikel–Ziegler, which pays for
//! its recursion (copies, shifts, zero-padded buffers) even when the
//! quotient is one limb — the usual shape in spigot-style code such as
//! `(q * k + r) // t` with `q`, `r`, `t` of similar size. Schoolbook
//! division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) costs
//! O(len(divisor) × len(quotient)) there, which is what CPython pays too.
//! The operands are never shifted: the few normalised limbs the digit
//! estimates read are computed on the fly. [`quotient`] skips the last
//! multiply-and-subtract pass whenever the top limbs prove the estimate
//! exact, so a one-limb `//` usually reads four limbs of each operand.
//! `arith` calls these when the quotient is short and the divisor has at
//! least two limbs; everything else stays with num-bigint.

use num_bigint::BigUint;

/// Quotients up to this many limbs go through [`div_rem`].
pub const SHORT_QUOTIENT_LIMBS: usize = 32;

/// True when `x / y` (magnitudes) should use [`div_rem`].
pub fn prefers_schoolbook(x: &BigUint, y: &BigUint) -> bool {
    let (n, m) = (x.bits().div_ceil(64), y.bits().div_ceil(64));
    m >= 2 && n >= m && n - m < SHORT_QUOTIENT_LIMBS as u64
}

/// `(u / v, u % v)` as little-endian limbs, `v` at least two limbs long
/// and `u` at least as long as `v` (see [`prefers_schoolbook`]). Neither
/// result is trimmed of high zero limbs.
pub fn div_rem(u: &BigUint, v: &BigUint) -> (Vec<u64>, Vec<u64>) {
    let d = Divisor::new(v);
    // The partial remainder, with a zero limb on top for the first step.
    let mut un = Vec::with_capacity(u.iter_u64_digits().len() + 1);
    un.extend(u.iter_u64_digits());
    un.push(0);
    let m = un.len() - 1 - d.n;
    let mut q = vec![0u64; m + 1];
    for j in (0..=m).rev() {
        q[j] = d.step(&mut un, j);
    }
    un.truncate(d.n);
    (q, un)
}

/// `u / v` as little-endian limbs (not trimmed), and whether the remainder
/// is nonzero; same operands as [`div_rem`]. A one-limb quotient whose
/// estimate is provably exact costs only a look at the top limbs: no pass
/// over either operand.
pub fn quotient(u: &BigUint, v: &BigUint) -> (Vec<u64>, bool) {
    let d = Divisor::new(v);
    // u has `extra` more limbs than v; with one more, the quotient is still
    // one limb when u's normalised top limbs are below the divisor's.
    let extra = u.iter_u64_digits().len() - d.n;
    if extra <= 1 {
        // The top four limbs of u; those below would only add to the
        // remainder, which the estimate bounds.
        let mut top = [0u64; 4];
        for (t, x) in top.iter_mut().rev().zip(u.iter_u64_digits().rev()) {
            *t = x;
        }
        let at = |i: usize| normalised(&top, i - extra, d.s);
        let one_limb = extra == 0 || (normalised(&top, 4, d.s) == 0 && (at(4) as u128) < d.top);
        if one_limb {
            let (qhat, exact) = d.estimate(at(4), at(3), at(2));
            if exact {
                return (vec![qhat], true);
            }
        }
    }
    let (q, r) = div_rem(u, v);
    (q, !is_zero(&r))
}

/// Limb `i` of `x << s` (s < 64), where `x` is zero above its last limb.
/// Algorithm D wants the divisor's top bit set; computing the few limbs
/// its estimates read this way spares shifted copies of both operands.
fn normalised(x: &[u64], i: usize, s: u32) -> u64 {
    let hi = x.get(i).map_or(0, |&d| d << s);
    if s == 0 || i == 0 {
        return hi;
    }
    hi | x.get(i - 1).map_or(0, |&d| d >> (64 - s))
}

/// A divisor of at least two limbs, with its normalised top two limbs.
struct Divisor<'a> {
    v: &'a BigUint,
    n: usize,
    /// The normalising shift: `v << s` has its top bit set.
    s: u32,
    top: u128,
    second: u128,
}

impl<'a> Divisor<'a> {
    fn new(v: &'a BigUint) -> Self {
        let n = v.iter_u64_digits().len();
        debug_assert!(n >= 2);
        let mut top3 = [0u64; 3];
        for (t, x) in top3.iter_mut().rev().zip(v.iter_u64_digits().rev()) {
            *t = x;
        }
        let s = top3[2].leading_zeros();
        Divisor {
            v,
            n,
            s,
            top: normalised(&top3, 2, s) as u128,
            second: normalised(&top3, 1, s) as u128,
        }
    }

    /// Knuth's quotient digit estimate from the top three normalised limbs
    /// of the partial remainder (`r2 < B`, the remainder below `v * B`):
    /// the true digit or one more. The flag is true when it is provably the
    /// true digit and the remainder it leaves is nonzero: the remainder of
    /// the top three limbs by the divisor's top two is at least `B`, which
    /// the ignored lower limbs (less than `B^(n-1)` once multiplied by the
    /// digit) cannot cancel.
    fn estimate(&self, r2: u64, r1: u64, r0: u64) -> (u64, bool) {
        let num = ((r2 as u128) << 64) | r1 as u128;
        let mut qhat = num / self.top;
        let mut rhat = num % self.top;
        loop {
            if qhat >> 64 == 0 && qhat * self.second <= ((rhat << 64) | r0 as u128) {
                let rest = ((rhat << 64) | r0 as u128) - qhat * self.second;
                return (qhat as u64, rest >> 64 != 0);
            }
            qhat -= 1;
            rhat += self.top;
            if rhat >> 64 != 0 {
                // rhat * B alone exceeds qhat * second by more than B.
                return (qhat as u64, true);
            }
        }
    }

    /// One step of algorithm D on the unnormalised partial remainder `un`:
    /// the quotient digit at position `j`, subtracted times `v` from
    /// `un[j..=j + n]`.
    fn step(&self, un: &mut [u64], j: usize) -> u64 {
        let (n, s) = (self.n, self.s);
        let (mut qd, _) = self.estimate(
            normalised(un, j + n, s),
            normalised(un, j + n - 1, s),
            normalised(un, j + n - 2, s),
        );
        if qd == 0 {
            return 0;
        }
        let window = &mut un[j..=j + n];
        let (low, top) = window.split_at_mut(n);
        let mut carry = 0u64;
        let mut borrow = false;
        for (x, d) in low.iter_mut().zip(self.v.iter_u64_digits()) {
            let p = qd as u128 * d as u128 + carry as u128;
            carry = (p >> 64) as u64;
            let (t, b1) = x.overflowing_sub(p as u64);
            let (t, b2) = t.overflowing_sub(borrow as u64);
            *x = t;
            borrow = b1 | b2;
        }
        let (t, b1) = top[0].overflowing_sub(carry);
        let (t, b2) = t.overflowing_sub(borrow as u64);
        top[0] = t;
        if b1 | b2 {
            // The estimate was one too large: add the divisor back.
            qd -= 1;
            let mut c = false;
            for (x, d) in low.iter_mut().zip(self.v.iter_u64_digits()) {
                let (t, c1) = x.overflowing_add(d);
                let (t, c2) = t.overflowing_add(c as u64);
                *x = t;
                c = c1 | c2;
            }
            top[0] = top[0].wrapping_add(c as u64);
        }
        qd
    }
}

/// `x += 1`, growing when the carry leaves the top limb.
pub fn increment(x: &mut Vec<u64>) {
    for d in x.iter_mut() {
        let (t, c) = d.overflowing_add(1);
        *d = t;
        if !c {
            return;
        }
    }
    x.push(1);
}

/// `y - x` for magnitudes with `x < y`.
pub fn sub_from(y: &[u64], x: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(y.len());
    let mut borrow = false;
    for (i, &d) in y.iter().enumerate() {
        let (t, b1) = d.overflowing_sub(x.get(i).copied().unwrap_or(0));
        let (t, b2) = t.overflowing_sub(borrow as u64);
        out.push(t);
        borrow = b1 | b2;
    }
    debug_assert!(!borrow);
    out
}

/// True when every limb is zero.
pub fn is_zero(x: &[u64]) -> bool {
    x.iter().all(|&d| d == 0)
}

/// A magnitude from little-endian limbs (high zero limbs allowed).
pub fn to_biguint(x: &[u64]) -> BigUint {
    // num-bigint builds from 32-bit digits only; on a little-endian target
    // the limbs already are those digits in order.
    #[cfg(target_endian = "little")]
    {
        // SAFETY: u32 has no invalid bit patterns and a smaller alignment
        // than u64; the view covers exactly the bytes of `x`.
        let digits = unsafe { std::slice::from_raw_parts(x.as_ptr().cast::<u32>(), x.len() * 2) };
        BigUint::from_slice(digits)
    }
    #[cfg(not(target_endian = "little"))]
    {
        let digits: Vec<u32> = x
            .iter()
            .flat_map(|&d| [d as u32, (d >> 32) as u32])
            .collect();
        BigUint::new(digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_integer::Integer;

    /// A deterministic limb source biased towards the edge cases of
    /// algorithm D (zero, all ones, the top bit alone).
    struct Limbs(u64);

    impl Limbs {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            match self.0 % 8 {
                0 => 0,
                1 => u64::MAX,
                2 => 1 << 63,
                3 => u64::MAX - 1,
                _ => self.0.rotate_left(17),
            }
        }

        fn number(&mut self, len: usize) -> Vec<u64> {
            let mut v: Vec<u64> = (0..len).map(|_| self.next()).collect();
            while v.last() == Some(&0) {
                *v.last_mut().unwrap() = self.next();
            }
            v
        }
    }

    #[test]
    fn matches_num_bigint() {
        let mut rng = Limbs(0x2545_f491_4f6c_dd1d);
        for _ in 0..4000 {
            let n = 2 + (rng.next() % 6) as usize;
            let m = n + (rng.next() % 5) as usize;
            let (u, v) = (rng.number(m), rng.number(n));
            let (bu, bv) = (to_biguint(&u), to_biguint(&v));
            let (q, r) = div_rem(&bu, &bv);
            let (eq, er) = bu.div_rem(&bv);
            assert_eq!(
                (to_biguint(&q), to_biguint(&r)),
                (eq, er),
                "{u:x?} / {v:x?}"
            );
        }
    }

    #[test]
    fn quotient_matches_num_bigint() {
        let mut rng = Limbs(0x9e37_79b9_7f4a_7c15);
        let check = |u: &BigUint, v: &BigUint| {
            let (q, inexact) = quotient(u, v);
            let (eq, er) = u.div_rem(v);
            assert_eq!(to_biguint(&q), eq, "{u:x} / {v:x}");
            assert_eq!(inexact, er != BigUint::ZERO, "{u:x} % {v:x}");
        };
        for _ in 0..4000 {
            let n = 2 + (rng.next() % 6) as usize;
            let m = n + (rng.next() % 3) as usize;
            let (u, v) = (to_biguint(&rng.number(m)), to_biguint(&rng.number(n)));
            check(&u, &v);
            // One limb longer than v, quotient still one limb or just over.
            let w = &v << (rng.next() % 128);
            if w.iter_u64_digits().len() == n + 1 {
                check(&w, &v);
                check(&(&w - 1u32), &v);
                check(&(&w + &v), &v);
            }
            // Near multiples of v leave remainders too small for the
            // top-limb test: the fallback must decide, and must find the
            // estimate one too large just below a multiple.
            let k = rng.next() % 16 + 1;
            let multiple = &v * k;
            if multiple.iter_u64_digits().len() <= n + 1 {
                check(&multiple, &v);
                check(&(&multiple - 1u32), &v);
                check(&(&multiple + 1u32), &v);
            }
        }
    }

    #[test]
    fn add_back_case() {
        // Knuth's example where the first estimate is one too large.
        let u = [0, 0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff];
        let v = [1, 0, 0x8000_0000_0000_0000];
        let (bu, bv) = (to_biguint(&u), to_biguint(&v));
        let (q, r) = div_rem(&bu, &bv);
        let (eq, er) = bu.div_rem(&bv);
        assert_eq!((to_biguint(&q), to_biguint(&r)), (eq, er));
    }
}
