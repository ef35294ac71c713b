public import Foundation
public import TTHCCalendar

/// An entry of a shared registry (field, agency, role).
public struct RegistryEntry: Sendable, Hashable, Codable, Identifiable {
    /// Id.
    public var id: String
    /// Vietnamese name.
    public var name: String
    /// Level, for agencies.
    public var level: Level?

    /// Creates an entry.
    public init(id: String, name: String, level: Level? = nil) {
        self.id = id
        self.name = name
        self.level = level
    }
}

/// The compiled catalogue: every procedure with its versions, and the shared registries.
/// Immutable, `Sendable`, and written to one file (`tthc compile -o`) that loads back identical,
/// without YAML.
public struct Catalog: Sendable, Hashable, Codable {
    /// The bundle format, raised when the layout changes.
    public static let formatVersion = 1

    /// The bundle format of this value.
    public var format: Int
    /// A content hash of the source files (hex SHA-256 prefix), recorded by every engine event.
    public var revision: String
    /// Procedures ordered by id.
    public var procedures: [Procedure]
    /// Fields (lĩnh vực).
    public var fields: [RegistryEntry]
    /// Agencies.
    public var agencies: [RegistryEntry]
    /// Roles.
    public var roles: [RegistryEntry]
    /// Working-day calendars as written in `calendars/` (unresolved: `extends` is applied when used).
    public var calendars: [CalendarDefinition]
    /// Provincial fee schedules from `fees/`.
    public var feeSchedules: [FeeSchedule]
    /// The provincial fee keys procedures may use, with what each means (`_shared/`).
    public var feeKeys: [RegistryEntry] = []

    /// Creates a catalogue.
    public init(revision: String, procedures: [Procedure], fields: [RegistryEntry], agencies: [RegistryEntry], roles: [RegistryEntry], calendars: [CalendarDefinition] = [], feeSchedules: [FeeSchedule] = [], feeKeys: [RegistryEntry] = []) {
        self.feeKeys = feeKeys.sorted { $0.id < $1.id }
        self.calendars = calendars.sorted { $0.id < $1.id }
        self.feeSchedules = feeSchedules.sorted { $0.id < $1.id }
        self.format = Self.formatVersion
        self.revision = revision
        self.procedures = procedures.sorted { $0.id < $1.id }
        self.fields = fields.sorted { $0.id < $1.id }
        self.agencies = agencies.sorted { $0.id < $1.id }
        self.roles = roles.sorted { $0.id < $1.id }
    }

    /// The procedure with this id or national code.
    public func procedure(_ idOrCode: String) -> Procedure? {
        procedures.first { $0.id == idOrCode } ?? procedures.first { $0.code == idOrCode }
    }

    /// The fee schedule with this id.
    public func feeSchedule(_ id: String) -> FeeSchedule? { feeSchedules.first { $0.id == id } }

    /// The name of a field, agency or role id, or the id itself when unknown.
    public func name(ofField id: String) -> String { fields.first { $0.id == id }?.name ?? id }
    /// The name of an agency.
    public func name(ofAgency id: String) -> String { agencies.first { $0.id == id }?.name ?? id }
    /// The name of a role.
    public func name(ofRole id: String) -> String { roles.first { $0.id == id }?.name ?? id }

    /// Encodes the catalogue as a bundle (JSON with sorted keys, so equal catalogues give equal bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Decodes a bundle written by `encoded()`; throws `CatalogBundleError` on a foreign or stale file.
    public static func decode(_ data: Data) throws -> Catalog {
        struct Header: Decodable { var format: Int? }
        let header = try? JSONDecoder().decode(Header.self, from: data)
        guard let format = header?.format else { throw CatalogBundleError.notABundle }
        guard format == formatVersion else { throw CatalogBundleError.unsupportedFormat(format) }
        do {
            return try JSONDecoder().decode(Catalog.self, from: data)
        } catch {
            throw CatalogBundleError.notABundle
        }
    }
}

/// Why a bundle could not be loaded.
public enum CatalogBundleError: Error, Sendable, Hashable {
    /// The file is not a tthc catalogue bundle.
    case notABundle
    /// The bundle was written by another version of tthc.
    case unsupportedFormat(Int)
}
