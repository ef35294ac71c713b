import ArgumentParser
import Foundation
import TTHCEngine

/// `tthc token --user U --role R --agency A [--ward W] --key FILE [--expires 8h]`: mints a bearer
/// token for the HTTP service, signed with the service's key.
public struct TokenCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Tạo mã truy cập (JWT) cho dịch vụ HTTP: người dùng, vai trò, cơ quan, đơn vị (phường, xã), thời hạn.")

    /// The user id.
    @Option(name: .long, help: "Người dùng.")
    public var user: String

    /// The roles (repeatable).
    @Option(name: .long, help: "Vai trò (lặp lại được), ví dụ one_stop_clerk, chairman, admin.")
    public var role: [String] = []

    /// The agency (the catalogue's agency id).
    @Option(name: .long, help: "Cơ quan (mã trong danh mục), ví dụ ubnd-xa.")
    public var agency: String

    /// The ward served (`*`: every ward).
    @Option(name: .long, help: "Đơn vị phục vụ (phường, xã); '*' cho mọi đơn vị.")
    public var ward: String?

    /// The key file.
    @Option(name: .long, help: "Tệp khóa bí mật của dịch vụ (như --auth-key của tthc serve).")
    public var key: String

    /// The lifetime: `30m`, `8h`, `7d`.
    @Option(name: .long, help: "Thời hạn: 30m, 8h (mặc định), 7d.")
    public var expires: String = "8h"

    public init() {}

    public func run() async throws {
        guard let seconds = Self.lifetime(expires) else {
            FileHandle.standardError.write(Data("lỗi: thời hạn không hợp lệ '\(expires)' (ví dụ 30m, 8h, 7d)\n".utf8))
            throw ExitCode(2)
        }
        guard !role.isEmpty else {
            FileHandle.standardError.write(Data("lỗi: cần ít nhất một --role\n".utf8))
            throw ExitCode(2)
        }
        let authority: TokenAuthority
        do {
            authority = try await ServiceSetup.authority(keyFile: key)
        } catch {
            FileHandle.standardError.write(Data("lỗi: \(error.vietnamese)\n".utf8))
            throw ExitCode(2)
        }
        let token = try await authority.mint(ServiceUser(user: user, roles: Set(role), agency: agency, ward: ward), lifetime: seconds)
        print(token)
    }

    /// `30m`, `8h`, `7d` (or plain seconds) as seconds; nil when malformed or not positive.
    static func lifetime(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let last = text.last else { return nil }
        let (number, unit) = units[last].map { (text.dropLast(), $0) } ?? (Substring(text), 1)
        guard let n = Double(number), n > 0, n.isFinite, n * unit <= 366 * 86_400 else { return nil }
        return n * unit
    }
}
