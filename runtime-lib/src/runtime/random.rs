//! The `_random` module: the Mersenne Twister generator behind `random`
//! (runtime-lib/pylib/random.py), bit-for-bit CPython's: `seed` (None,
//! int, or another hashable via its hash; the str/bytes seeding of
//! version 2 is [`seed_bytes`]'s SHA-512 step, exposed as
//! `_random.seed_bytes_to_int`), `random`, `getrandbits`, `getstate` and
//! `setstate`. `_random.Random` can be subclassed (random.Random does).
//! Also `urandom_bytes`, the OS entropy `os.urandom` and `seed(None)` use.
//! Missing compared with CPython's `_random`: nothing a program can see
//! besides the private helper.

use std::any::TypeId;
use std::cell::RefCell;
use std::io::Read;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{type_of, PyPayload};
use crate::typeobj::builder::{builtin_function, TypeSpec};
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::MethodDef;
use crate::types::int::{int_from_bigint, int_from_i64, int_of};
use crate::types::module::{new_module, ModuleObject};
use crate::types::registry::types;
use crate::types::string::{as_str, intern};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

/// The generator's state (MT19937).
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N + 1,
        };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seeds from an array of 32-bit words (the reference `init_by_array`).
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let key_len = key.len().max(1);
        for _ in 0..N.max(key_len) {
            let prev = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N {
            let y = (self.state[kk] & UPPER) | (self.state[(kk + 1) % N] & LOWER);
            self.state[kk] = self.state[(kk + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k > 0: 32-bit words, least significant first,
    /// the last one shifted down to the remaining bits.
    pub fn bits(&mut self, k: u64) -> BigInt {
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }
}

/// Fills `buf` from the OS's entropy source (`os.urandom`).
pub fn urandom_bytes(buf: &mut [u8]) -> std::io::Result<()> {
    std::fs::File::open("/dev/urandom")?.read_exact(buf)
}

/// `_random.Random` objects.
#[repr(C)]
pub struct RandomObject {
    pub header: Header,
    pub mt: RefCell<Mt>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for RandomObject {}

fn this(v: Value) -> PyResult<&'static RandomObject> {
    RandomObject::cast(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            type_of(v).name()
        ))
    })
}

/// The 32-bit words of `|n|`, least significant first (at least one).
fn words_of(n: &BigInt) -> Vec<u32> {
    let (_, mut w) = n.abs().to_u32_digits();
    if w.is_empty() {
        w.push(0);
    }
    w
}

/// Seeds `mt` from a seed value as CPython's `random_seed` does.
fn seed_mt(mt: &mut Mt, arg: Value) -> PyResult<()> {
    if arg.is_null() || arg.is_none() {
        let mut buf = [0u8; N * 4];
        let key: Vec<u32> = match urandom_bytes(&mut buf) {
            Ok(()) => buf
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            Err(_) => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                vec![t as u32, (t >> 32) as u32, std::process::id()]
            }
        };
        mt.init_by_array(&key);
        return Ok(());
    }
    let n = match int_of(arg) {
        Some(i) => i.to_bigint().into_owned(),
        None => BigInt::from(crate::ops::object::hash(arg)?),
    };
    mt.init_by_array(&words_of(&n));
    Ok(())
}

fn random_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let inner = alloc_value(RandomObject {
        header: Header::new(types().random),
        mt: RefCell::new(Mt::new()),
    });
    if std::ptr::eq(cls, types().random) {
        let [seed] = args::between("Random", a, k, 0)?;
        if let Some(r) = RandomObject::cast(inner) {
            seed_mt(&mut r.mt.borrow_mut(), seed)?;
        }
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

fn seed(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [arg]) = args::method::<1>("seed", a, k, 0)?;
    seed_mt(&mut this(s)?.mt.borrow_mut(), arg)?;
    Ok(Value::NONE)
}

fn random(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("random", a, k, 0)?;
    Ok(Value::from_f64(this(s)?.mt.borrow_mut().next_f64()))
}

fn getrandbits(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [n]) = args::method::<1>("getrandbits", a, k, 1)?;
    let n = crate::types::int::to_i64(n)?;
    if n < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    let mut mt = this(s)?.mt.borrow_mut();
    if n == 0 {
        return Ok(Value::small_int(0));
    }
    if n <= 32 {
        return Ok(int_from_i64((mt.next_u32() >> (32 - n)) as i64));
    }
    Ok(int_from_bigint(mt.bits(n as u64)))
}

fn getstate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("getstate", a, k, 0)?;
    let mt = this(s)?.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| int_from_i64(w as i64)).collect();
    items.push(int_from_i64(mt.index as i64));
    Ok(new_tuple(&items))
}

fn setstate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [state]) = args::method::<1>("setstate", a, k, 1)?;
    let Some(items) = tuple_items(state) else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, &v) in words.iter_mut().zip(items) {
        *w = int_of(v)
            .and_then(|i| i.to_bigint().to_u32())
            .ok_or_else(|| type_error("state vector items must be 32-bit unsigned ints"))?;
    }
    let index = int_of(items[N])
        .and_then(|i| i.to_bigint().to_usize())
        .filter(|&i| i <= N)
        .ok_or_else(|| value_error("invalid state"))?;
    let mut mt = this(s)?.mt.borrow_mut();
    mt.state = words;
    mt.index = index;
    Ok(Value::NONE)
}

/// `int.from_bytes(a + sha512(a).digest(), 'big')`: version 2 seeding of
/// str/bytes seeds (the str already encoded as UTF-8).
fn seed_bytes_to_int(a: &[Value], k: Option<Value>) -> PyResult {
    let [v] = args::exact::<1>("seed_bytes_to_int", a, k)?;
    let mut data = match as_str(v) {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::types::bytes::expect_bytes_like(v)?,
    };
    let digest = super::sha512::sha512(&data);
    data.extend_from_slice(&digest);
    Ok(int_from_bigint(BigInt::from_bytes_be(Sign::Plus, &data)))
}

/// Builds the `_random` module.
pub fn make_module() -> Value {
    let m = new_module("_random");
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        d.set_str(intern("Random"), types().random.as_value());
        d.set_str(
            intern("seed_bytes_to_int"),
            builtin_function("seed_bytes_to_int", seed_bytes_to_int),
        );
    }
    m
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        module: "_random",
        flags: flags::BASETYPE,
        slots: SlotDefs {
            new: Some(random_new),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("seed", seed),
                MethodDef::new("random", random),
                MethodDef::new("getrandbits", getrandbits),
                MethodDef::new("getstate", getstate),
                MethodDef::new("setstate", setstate),
            ]
        },
        ..TypeSpec::new("Random", TypeId::of::<RandomObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sequence() {
        // The reference implementation's init_by_array({0x123, 0x234,
        // 0x345, 0x456}) output starts 1067595299 955945823 477289528.
        let mut mt = Mt::new();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        assert_eq!(
            [mt.next_u32(), mt.next_u32(), mt.next_u32()],
            [1_067_595_299, 955_945_823, 477_289_528]
        );
    }
}
