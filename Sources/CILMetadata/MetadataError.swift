/// A malformed or unsupported input, with where in the input it was found.
///
/// Every read of untrusted bytes in this module throws this one type (typed throws), so callers
/// can report a one-line error with a location and a distinct exit code.
public struct MetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The input ends before a structure it announces.
        case truncated
        /// A magic number or signature does not match (`MZ`, `PE\0\0`, `BSJB`, …).
        case badMagic
        /// A field holds a value the format does not allow.
        case invalidValue
        /// An index or offset points outside the heap, table or file.
        case outOfRange
        /// A structure nests or refers to itself beyond what is allowed.
        case tooDeep
        /// A size or count is larger than the input can possibly hold.
        case tooLarge
        /// A valid construct this reader does not handle.
        case unsupported
    }

    /// Where the problem is: a file offset, a table row or a place in a method body.
    public enum Location: Sendable, Equatable {
        case none
        case fileOffset(Int)
        case tableRow(TableID, UInt32)
        case heap(String, UInt32)
        case method(token: UInt32, ilOffset: Int?)
    }

    public var kind: Kind
    public var message: String
    public var location: Location

    public init(_ kind: Kind, _ message: String, at location: Location = .none) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var locationText: String {
        switch location {
        case .none: return ""
        case .fileOffset(let o): return "file offset 0x\(String(o, radix: 16, uppercase: true))"
        case .tableRow(let t, let r): return "table \(t.name) row \(r)"
        case .heap(let h, let o): return "\(h) heap offset 0x\(String(o, radix: 16, uppercase: true))"
        case .method(let token, let il):
            let tok = "method 0x" + String(token, radix: 16, uppercase: true)
            if let il { return tok + " IL_" + String(il, radix: 16).leftPadded(to: 4) }
            return tok
        }
    }

    public var description: String {
        let where_ = locationText
        return where_.isEmpty ? "\(kind.rawValue): \(message)" : "\(kind.rawValue) at \(where_): \(message)"
    }

    /// Returns a copy whose location is `location` if it had none yet.
    public func located(_ location: Location) -> MetadataError {
        guard case .none = self.location else { return self }
        var copy = self
        copy.location = location
        return copy
    }
}

/// Problems met while reading in lenient mode; reading continued past each of them.
public struct Diagnostic: Sendable, CustomStringConvertible {
    public var error: MetadataError
    public var description: String { error.description }
    public init(_ error: MetadataError) { self.error = error }
}

/// Strict readers throw at the first problem (the runtime wants that); lenient readers record a
/// diagnostic and carry on with what could be read (the disassembler and `info` want that).
public enum ReadingMode: Sendable {
    case strict
    case lenient
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
