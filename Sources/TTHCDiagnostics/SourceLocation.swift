/// A place in a source file: 1-based line and 1-based column counted in Unicode scalars,
/// the unit libyaml counts in (STYLE.md practice 10).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range `[start, end)` in one file.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as given by the user (relative paths stay relative, for stable output).
    public var file: String
    /// First character of the range.
    public var start: SourceLocation
    /// One past the last character (same as `start` for an empty range).
    public var end: SourceLocation

    /// Creates a range in `file`.
    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// An empty range at one place.
    public init(file: String, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// A range that covers a whole file without pointing at a line (line and column 1).
    public static func file(_ path: String) -> SourceRange {
        SourceRange(file: path, at: SourceLocation(line: 1, column: 1))
    }

    /// A sub-range of a one-line range, shifted by scalar offsets, used to point inside a YAML scalar.
    public func slice(fromColumnOffset lower: Int, length: Int) -> SourceRange {
        let start = SourceLocation(line: self.start.line, column: self.start.column + lower)
        return SourceRange(file: file, start: start, end: SourceLocation(line: start.line, column: start.column + max(length, 0)))
    }

    public var description: String { "\(file):\(start)" }
}
