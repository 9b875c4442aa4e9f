# Shared pieces of the generated IL programs: the header and the output-helper class `O`.
HELPERS = r'''
// Output helpers: each writes one value and a space; NL ends the line. Floats print as the
// hex bits of their float64 value (a float32 widens exactly), any NaN as "NaN".
.class private abstract auto ansi sealed O extends [mscorlib]System.Object
{
    .method public static void Sp() cil managed { ldc.i4.s 32 call void [mscorlib]System.Console::Write(char) ret }
    .method public static void NL() cil managed { call void [mscorlib]System.Console::WriteLine() ret }
    .method public static void I(int32 v) cil managed { ldarg.0 call void [mscorlib]System.Console::Write(int32) call void O::Sp() ret }
    .method public static void L(int64 v) cil managed { ldarg.0 call void [mscorlib]System.Console::Write(int64) call void O::Sp() ret }
    .method public static void N(native int v) cil managed { ldarg.0 conv.i8 call void O::L(int64) ret }
    .method public static void S(string v) cil managed { ldarg.0 call void [mscorlib]System.Console::Write(string) call void O::Sp() ret }
    .method public static void B(bool v) cil managed { ldarg.0 call void [mscorlib]System.Console::Write(bool) call void O::Sp() ret }
    .method public static void X(class [mscorlib]System.Exception e) cil managed
    {
        ldarg.0
        callvirt instance class [mscorlib]System.Type [mscorlib]System.Object::GetType()
        callvirt instance string [mscorlib]System.Type::get_FullName()
        call void O::S(string)
        ret
    }
    .method public static void D(float64 v) cil managed
    {
        .locals init (int64 bits)
        ldarg.0
        ldarg.0
        beq.s NUMBER
        ldstr "NaN"
        call void O::S(string)
        ret
    NUMBER:
        ldarg.0
        call int64 [mscorlib]System.BitConverter::DoubleToInt64Bits(float64)
        stloc.0
        ldloca.s 0
        ldstr "X16"
        call instance string [mscorlib]System.Int64::ToString(string)
        call void O::S(string)
        ret
    }
    .method public static void F(float32 v) cil managed { ldarg.0 conv.r8 call void O::D(float64) ret }
}
'''

def header(name, comment):
    lines = ["// " + l if l else "//" for l in comment.strip().split("\n")]
    return "\n".join(lines) + f"""

.assembly extern mscorlib {{ .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 4:0:0:0 }}
.assembly {name} {{ .ver 1:0:0:0 }}
.module {name}.exe
"""

def write(path, name, comment, body, helpers=True):
    with open(path, "w") as f:
        f.write(header(name, comment))
        if helpers: f.write(HELPERS)
        f.write(body.lstrip("\n"))
