#!/usr/bin/env python3
"""Writes Sources/CILInstructions/Generated/OpcodeTable.swift from Utilities/Instructions.tsv.

Instructions.tsv is cilbox's single source of truth for the CIL instruction set (DESIGN.md,
decision 9): the decoder's lookup tables, the per-opcode facts used by the disassembler, the
checklist and the fuzzer's instruction pool all come from the file this script writes.

Usage:  python3 Utilities/generate-instruction-table.py [--check]

--check  compares the file on disk with what would be generated and exits 1 if they differ
         (for CI), without writing anything.

Standard library only. The output is deterministic: same TSV, same bytes.
"""

import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSV_PATH = os.path.join(ROOT, "Utilities", "Instructions.tsv")
OUT_PATH = os.path.join(ROOT, "Sources", "CILInstructions", "Generated", "OpcodeTable.swift")

REQUIRED_COLUMNS = [
    "mnemonic", "encoding", "size_bytes", "operand_type", "operand_bytes", "operand_desc",
    "pop_behaviour", "push_behaviour", "pops", "pushes", "pop_types", "push_types",
    "flow_control", "opcode_kind", "ecma_section", "ecma_stack_transition", "notes",
    "fuzz_class", "description",
]

# Operand type names used by the TSV (the names of the ECMA/opcode.def inline operand kinds)
# mapped to OperandKind cases, with the operand size in bytes (None: depends on the operand,
# which is only the case for switch, III.3.66).
OPERAND_KINDS = {
    "InlineNone": ("none", 0),
    "ShortInlineI": ("int8", 1),
    "InlineI": ("int32", 4),
    "InlineI8": ("int64", 8),
    "ShortInlineR": ("float32", 4),
    "InlineR": ("float64", 8),
    "ShortInlineBrTarget": ("shortBranch", 1),
    "InlineBrTarget": ("branch", 4),
    "ShortInlineVar": ("shortVariable", 1),
    "InlineVar": ("variable", 2),
    "InlineMethod": ("method", 4),
    "InlineField": ("field", 4),
    "InlineType": ("type", 4),
    "InlineTok": ("token", 4),
    "InlineString": ("string", 4),
    "InlineSig": ("signature", 4),
    "InlineSwitch": ("switchTable", None),
}

FLOW_CONTROL = {
    "NEXT": "next", "BRANCH": "branch", "COND_BRANCH": "conditionalBranch", "CALL": "call",
    "RETURN": "return", "THROW": "throw", "BREAK": "break", "META": "meta",
}

OPCODE_KINDS = {
    "IPrimitive": "primitive", "IMacro": "macro", "IObjModel": "objectModel", "IPrefix": "prefix",
}

# Mnemonics whose camel-case Swift name is a keyword and must be written in backticks.
SWIFT_KEYWORDS = {
    "break", "throw", "switch", "return", "case", "default", "if", "else", "for", "in", "do",
    "while", "repeat", "let", "var", "func", "class", "struct", "enum", "protocol", "is", "as",
    "try", "catch", "import", "static", "self", "Self", "super", "nil", "true", "false", "init",
    "deinit", "subscript", "operator", "extension", "where", "guard", "defer", "continue",
    "fallthrough", "inout", "internal", "private", "public", "fileprivate", "open", "typealias",
    "associatedtype", "throws", "rethrows", "Any",
}


class TableError(Exception):
    pass


def fail(line, message):
    raise TableError(f"{TSV_PATH}:{line}: {message}")


def parse_encoding(text, line):
    """'0x58' -> 0x58, '0xFE 0x01' -> 0xFE01. Two-byte opcodes always start with 0xFE (III.1.2.1)."""
    parts = text.split(" ")
    if not all(re.fullmatch(r"0x[0-9A-F]{2}", p) for p in parts) or len(parts) not in (1, 2):
        fail(line, f"bad encoding {text!r}: expected '0xNN' or '0xFE 0xNN'")
    values = [int(p, 16) for p in parts]
    if len(values) == 1:
        if values[0] == 0xFE:
            fail(line, "0xFE is the two-byte prefix, not a one-byte opcode")
        return values[0], 1
    if values[0] != 0xFE:
        fail(line, f"two-byte encoding {text!r} must start with 0xFE")
    return 0xFE00 | values[1], 2


def parse_stack_count(text, line, column):
    if text == "var":
        return ".variable"
    if not re.fullmatch(r"[0-9]", text):
        fail(line, f"{column} must be a small count or 'var', got {text!r}")
    return f".count({text})"


def swift_name(mnemonic, line):
    """'ldc.i4.m1' -> 'ldcI4M1', 'unaligned.' -> 'unaligned', 'break' -> '`break`'."""
    parts = [p for p in mnemonic.split(".") if p]
    name = parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    if not re.fullmatch(r"[a-z][A-Za-z0-9]*", name):
        fail(line, f"mnemonic {mnemonic!r} gives an unusable Swift name {name!r}")
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def swift_string(text):
    """A Swift string literal; the TSV holds plain ASCII text without tabs or newlines."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{{{ord(ch):X}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def read_rows():
    with open(TSV_PATH, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            fail(1, f"missing columns: {', '.join(missing)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                fail(line, "wrong number of tab-separated fields")
            rows.append((line, row))
    if not rows:
        fail(1, "no instructions")
    return rows


def build(rows):
    entries = []
    seen_mnemonics, seen_values, seen_names = {}, {}, {}
    for index, (line, row) in enumerate(rows):
        mnemonic = row["mnemonic"]
        if not re.fullmatch(r"[a-z][a-z0-9]*(\.[a-z0-9]+)*\.?", mnemonic):
            fail(line, f"bad mnemonic {mnemonic!r}")
        value, size = parse_encoding(row["encoding"], line)
        if str(size) != row["size_bytes"]:
            fail(line, f"size_bytes {row['size_bytes']} disagrees with encoding {row['encoding']}")
        if row["operand_type"] not in OPERAND_KINDS:
            fail(line, f"unknown operand_type {row['operand_type']!r}")
        kind, operand_size = OPERAND_KINDS[row["operand_type"]]
        expected_bytes = "4+4*n" if operand_size is None else str(operand_size)
        if row["operand_bytes"] != expected_bytes:
            fail(line, f"operand_bytes {row['operand_bytes']!r} disagrees with {row['operand_type']}")
        if row["flow_control"] not in FLOW_CONTROL:
            fail(line, f"unknown flow_control {row['flow_control']!r}")
        if row["opcode_kind"] not in OPCODE_KINDS:
            fail(line, f"unknown opcode_kind {row['opcode_kind']!r}")
        if not row["description"].strip():
            fail(line, f"{mnemonic} has no description")
        name = swift_name(mnemonic, line)
        for seen, key, what in ((seen_mnemonics, mnemonic, "mnemonic"),
                                (seen_values, row["encoding"], "encoding"),
                                (seen_names, name, "Swift name")):
            if key in seen:
                fail(line, f"duplicate {what} {key!r} (first on line {seen[key]})")
            seen[key] = line
        entries.append({
            "index": index, "line": line, "mnemonic": mnemonic, "value": value, "size": size,
            "name": name, "kind": kind, "row": row,
            "pops": parse_stack_count(row["pops"], line, "pops"),
            "pushes": parse_stack_count(row["pushes"], line, "pushes"),
        })
    if len(entries) >= 0xFFFF:
        fail(1, "too many instructions for a UInt16 index")
    return entries


def render(entries):
    out = []
    emit = out.append
    emit("// DO NOT EDIT: generated by Utilities/generate-instruction-table.py")
    emit("// from Utilities/Instructions.tsv. Edit the TSV, then run:")
    emit("//     python3 Utilities/generate-instruction-table.py")
    emit("")
    emit("// One row of the TSV per instruction, in TSV order; `Opcode.index` is the position here.")
    emit("// The two byte-indexed tables are the decoder's dispatch (III.1.2.1): a one-byte opcode is")
    emit("// found by its byte, a two-byte opcode (0xFE then one byte) by its second byte.")
    emit("")
    emit("enum OpcodeTable {")
    emit(f"    static let count = {len(entries)}")
    emit("")
    emit("    /// Marks a byte that no instruction uses in `oneByte` and `twoByte`.")
    emit("    static let unassigned: UInt16 = 0xFFFF")
    emit("")
    emit("    static let infos: [OpcodeInfo] = [")
    for e in entries:
        row = e["row"]
        emit(f"        // {e['index']}: {row['encoding']}")
        emit("        OpcodeInfo(")
        emit(f"            mnemonic: {swift_string(e['mnemonic'])}, value: 0x{e['value']:04X}, "
             f"operandKind: .{e['kind']},")
        emit(f"            flowControl: .{FLOW_CONTROL[row['flow_control']]}, "
             f"kind: .{OPCODE_KINDS[row['opcode_kind']]}, pops: {e['pops']}, pushes: {e['pushes']},")
        emit(f"            popBehaviour: {swift_string(row['pop_behaviour'])}, "
             f"pushBehaviour: {swift_string(row['push_behaviour'])},")
        emit(f"            popTypes: {swift_string(row['pop_types'])}, "
             f"pushTypes: {swift_string(row['push_types'])},")
        emit(f"            ecmaSection: {swift_string(row['ecma_section'])}, "
             f"fuzzClass: {swift_string(row['fuzz_class'])},")
        emit(f"            operandDescription: {swift_string(row['operand_desc'])},")
        emit(f"            stackTransition: {swift_string(row['ecma_stack_transition'])},")
        emit(f"            notes: {swift_string(row['notes'])},")
        emit(f"            description: {swift_string(row['description'])}),")
    emit("    ]")
    for title, table_name, predicate in (
            ("one-byte opcodes, by byte", "oneByte", lambda e: e["size"] == 1),
            ("two-byte opcodes, by the byte after 0xFE", "twoByte", lambda e: e["size"] == 2)):
        table = [None] * 256
        for e in entries:
            if predicate(e):
                table[e["value"] & 0xFF] = e["index"]
        emit("")
        emit(f"    /// Index into `infos` of the {title}; `unassigned` where none.")
        emit(f"    static let {table_name}: [UInt16] = [")
        for start in range(0, 256, 8):
            cells = ["0xFFFF" if v is None else f"{v:6d}" for v in table[start:start + 8]]
            emit(f"        {', '.join(cells)},  // 0x{start:02X}")
        emit("    ]")
    emit("}")
    emit("")
    emit("extension Opcode {")
    for e in entries:
        emit(f"    /// `{e['mnemonic']}` ({e['row']['encoding']}, {e['row']['ecma_section']})")
        emit(f"    @inlinable public static var {e['name']}: Opcode {{ Opcode(index: {e['index']}) }}")
    emit("}")
    return "\n".join(out) + "\n"


def main(argv):
    check = "--check" in argv[1:]
    unknown = [a for a in argv[1:] if a != "--check"]
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        text = render(build(read_rows()))
    except TableError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if check:
        try:
            with open(OUT_PATH, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{OUT_PATH} is out of date; run {argv[0]}", file=sys.stderr)
            return 1
        return 0
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"wrote {os.path.relpath(OUT_PATH, ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
