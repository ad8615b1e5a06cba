//! Declares runtime-lib's ABI table (`krait_runtime::abi::ABI`) in an LLVM
//! module, so generated calls match the runtime's signatures by
//! construction.

use std::collections::HashMap;

use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, FunctionType};
use inkwell::values::FunctionValue;
use inkwell::AddressSpace;
use krait_runtime::abi::{AbiKind, ABI};

/// The declared runtime functions by name.
pub struct RuntimeFns<'ctx> {
    fns: HashMap<&'static str, FunctionValue<'ctx>>,
}

impl<'ctx> RuntimeFns<'ctx> {
    pub fn declare(context: &'ctx Context, module: &Module<'ctx>) -> RuntimeFns<'ctx> {
        let fns = ABI
            .iter()
            .map(|f| {
                let ty = function_type(context, f.params, f.ret);
                (
                    f.name,
                    module.add_function(f.name, ty, Some(Linkage::External)),
                )
            })
            .collect();
        RuntimeFns { fns }
    }

    /// The runtime function `name` (a name of the ABI table).
    pub fn get(&self, name: &str) -> Option<FunctionValue<'ctx>> {
        self.fns.get(name).copied()
    }
}

fn function_type<'ctx>(
    context: &'ctx Context,
    params: &[AbiKind],
    ret: AbiKind,
) -> FunctionType<'ctx> {
    let i64t = context.i64_type();
    let i32t = context.i32_type();
    let ptr = context.ptr_type(AddressSpace::default());
    let params: Vec<BasicMetadataTypeEnum> = params
        .iter()
        .map(|k| match k {
            AbiKind::Value | AbiKind::I64 | AbiKind::Usize => i64t.into(),
            AbiKind::U32 | AbiKind::I32 | AbiKind::Status | AbiKind::Truth => i32t.into(),
            AbiKind::Ptr | AbiKind::OutPtr | AbiKind::Frame | AbiKind::RawPtr => ptr.into(),
            AbiKind::Void => i64t.into(),
        })
        .collect();
    match ret {
        AbiKind::Void => context.void_type().fn_type(&params, false),
        AbiKind::Status | AbiKind::Truth | AbiKind::I32 | AbiKind::U32 => {
            i32t.fn_type(&params, false)
        }
        AbiKind::Ptr | AbiKind::OutPtr | AbiKind::Frame | AbiKind::RawPtr => {
            ptr.fn_type(&params, false)
        }
        AbiKind::Value | AbiKind::I64 | AbiKind::Usize => i64t.fn_type(&params, false),
    }
}
