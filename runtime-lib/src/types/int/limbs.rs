//! Long division on 64-bit limbs, for quotients a few limbs long.
//!
//! num-bigint divides large operands with Burnikel–Ziegler, which pays for
//! its recursion (copies, shifts, zero-padded buffers) even when the
//! quotient is one limb — the usual shape in spigot-style code such as
//! `(q * k + r) // t` with `q`, `r`, `t` of similar size. Schoolbook
//! division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) costs
//! O(len(divisor) × len(quotient)) there, which is what CPython pays too.
//! `arith` calls [`div_rem`] when the quotient is short and the divisor has
//! at least two limbs; everything else stays with num-bigint.

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
    let (ubits, vbits) = (u.bits(), v.bits());
    let n = vbits.div_ceil(64) as usize;
    let m = ubits.div_ceil(64) as usize - n;
    debug_assert!(n >= 2);
    // Normalise so the divisor's top bit is set: quotient digit estimates
    // are then off by at most two.
    let s = ((64 - vbits % 64) % 64) as u32;
    let vn = shifted_left(v.iter_u64_digits(), s, 0);
    let mut un = shifted_left(u.iter_u64_digits(), s, 1);
    let mut q = vec![0u64; m + 1];
    let (vtop, vsec) = (vn[n - 1] as u128, vn[n - 2] as u128);
    for j in (0..=m).rev() {
        let num = ((un[j + n] as u128) << 64) | un[j + n - 1] as u128;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >> 64 != 0 || qhat * vsec > ((rhat << 64) | un[j + n - 2] as u128) {
            qhat -= 1;
            rhat += vtop;
            if rhat >> 64 != 0 {
                break;
            }
        }
        let mut qd = qhat as u64;
        // un[j..=j+n] -= qd * vn
        let mut carry = 0u64;
        let mut borrow = false;
        for i in 0..n {
            let p = qd as u128 * vn[i] as u128 + carry as u128;
            carry = (p >> 64) as u64;
            let (t, b1) = un[i + j].overflowing_sub(p as u64);
            let (t, b2) = t.overflowing_sub(borrow as u64);
            un[i + j] = t;
            borrow = b1 | b2;
        }
        let (t, b1) = un[j + n].overflowing_sub(carry);
        let (t, b2) = t.overflowing_sub(borrow as u64);
        un[j + n] = t;
        if b1 | b2 {
            // The estimate was one too large: add the divisor back.
            qd -= 1;
            let mut c = false;
            for i in 0..n {
                let (t, c1) = un[i + j].overflowing_add(vn[i]);
                let (t, c2) = t.overflowing_add(c as u64);
                un[i + j] = t;
                c = c1 | c2;
            }
            un[j + n] = un[j + n].wrapping_add(c as u64);
        }
        q[j] = qd;
    }
    un.truncate(n);
    shift_right_in_place(&mut un, s);
    (q, un)
}

/// `x << s` (s < 64) as limbs, with `extra` more zero limbs on top
/// (room for the bits shifted out).
fn shifted_left(x: impl ExactSizeIterator<Item = u64>, s: u32, extra: usize) -> Vec<u64> {
    let len = x.len();
    let mut out = Vec::with_capacity(len + extra);
    if s == 0 {
        out.extend(x);
        out.resize(len + extra, 0);
        return out;
    }
    let mut prev = 0u64;
    for d in x {
        out.push((d << s) | (prev >> (64 - s)));
        prev = d;
    }
    if extra > 0 {
        out.push(prev >> (64 - s));
        out.resize(len + extra, 0);
    }
    out
}

fn shift_right_in_place(x: &mut [u64], s: u32) {
    if s == 0 {
        return;
    }
    for i in 0..x.len() {
        let hi = x.get(i + 1).map_or(0, |&h| h << (64 - s));
        x[i] = (x[i] >> s) | hi;
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
