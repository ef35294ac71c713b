import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TTHCCommands
import TTHCDiagnostics
import TTHCEngine
import TTHCCalendar
import TTHCModel
@testable import TTHCService

/// The HTTP API end to end on the router: public routes, tokens, ward scoping and roles, the
/// same answers as the command line, problems for every kind of bad input.
@Suite struct ServiceTests {
    @Test func publicRoutesNeedNoToken() async throws {
        let f = try await ServiceFixture()
        try await f.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(((try? object(response.body)) ?? [:])["status"] as? String == "ok")
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(((try? object(response.body)) ?? [:])["openapi"] as? String == "3.1.0")
            }
            try await client.execute(uri: "/v1/procedures?q=giay%20phep", method: .get) { response in
                #expect(response.status == .ok)
                let rows = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]
                #expect(rows?.first?["id"] as? String == "giay-phep-thu-nghiem")
            }
            try await client.execute(uri: "/v1/procedures/giay-phep-thu-nghiem?at=2026-03-09", method: .get) { response in
                #expect(response.status == .ok)
                #expect((((try? object(response.body)) ?? [:])["versions"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/v1/procedures/khong-co", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "unknown-procedure")
            }
        }
    }

    /// 401 for a missing, malformed, forged or expired token; never the token in the logs.
    @Test func tokensAreRequiredAndChecked() async throws {
        let f = try await ServiceFixture()
        let forger = try await TokenAuthority(key: Data("another-key-which-is-long-enough-0123456789".utf8))
        let forged = try await forger.mint(ServiceUser(user: "mallory", roles: ["chairman"], agency: "ubnd-xa", ward: "phuong-a"), lifetime: 3600)
        let expired = try await f.authority.mint(ServiceUser(user: "lan", roles: ["one_stop_clerk"], agency: "ubnd-xa", ward: "phuong-a"),
                                                 lifetime: 60, now: Date().addingTimeInterval(-3600))
        let valid = try await f.token("lan", ["one_stop_clerk"])
        try await f.test { client in
            try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="tthc""#)
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "auth-missing")
            }
            for (token, code) in [(forged, "auth-invalid"), (expired, "auth-expired"), ("not.a.token", "auth-invalid")] {
                try await client.execute(uri: "/v1/check", method: .post, headers: .bearer(token), body: ByteBuffer(string: permitDossier())) { response in
                    #expect(response.status == .unauthorized)
                    #expect(((try? object(response.body)) ?? [:])["code"] as? String == code)
                    #expect(!String(buffer: response.body).contains(token))
                }
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: .bearer(valid), body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .ok)
            }
        }
        for line in f.logs.all {
            #expect(!line.contains(valid) && !line.contains(forged) && !line.contains(expired))
            #expect(!line.contains("tthc-test-key"))
        }
        #expect(f.logs.all.contains { $0.contains("route=/v1/check") && $0.contains("status=401") })
    }

    /// `POST /v1/check` answers exactly what `tthc check --format json` prints.
    @Test func checkIsTheCommandLinesAnswer() async throws {
        let f = try await ServiceFixture()
        let token = try await f.token("lan", ["one_stop_clerk"])
        let loaded = f.server.catalog.current
        let incomplete = permitDossier(papers: ["application"])
        let expected = CheckCommand.answer(text: incomplete, name: "body", catalog: loaded.catalog, assessor: loaded.assessor, fees: nil, language: .vi, format: .json)
        try await f.test { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: .bearer(token), body: ByteBuffer(string: incomplete)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == expected.out)
                let answer = try object(response.body)
                #expect(answer["complete"] as? Bool == false)
                #expect((answer["missing"] as? [[String: Any]])?.first?["id"] as? String == "site_plan")
            }
        }
    }

    /// The engine's role rules and the ward boundary hold over HTTP: a clerk cannot approve the
    /// review; an officer of another ward can neither read nor act, nor see it in listings.
    /// Two instances on one store, each keeping the dossiers it acted on: an instance whose kept
    /// dossier is stale (the other acted since) still gets every action right — it decides again on
    /// the stored dossier — and nothing is applied twice.
    @Test func keptDossiersNeverDecideOnStaleState() async throws {
        let store = AnyDossierStore(InMemoryDossierStore())
        let a = try await ServiceFixture(store: store), b = try await ServiceFixture(store: store)
        let clerk = try await a.token("lan", ["one_stop_clerk"])
        let officer = try await a.token("minh", ["officer"])
        let chairman = try await a.token("hoa", ["chairman"])
        func act(_ fixture: ServiceFixture, _ token: String, _ body: String, _ status: HTTPResponse.Status, code: String? = nil) async throws {
            try await fixture.test { client in
                try await client.execute(uri: "/v1/dossiers/HS-K/actions", method: .post, headers: .bearer(token), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body): \(String(buffer: response.body))")
                    if let code { #expect(((try? object(response.body)) ?? [:])["code"] as? String == code) }
                }
            }
        }
        try await a.test { client in
            try await client.execute(uri: "/v1/dossiers?id=HS-K", method: .post, headers: .bearer(clerk), body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .created)
            }
        }
        try await act(a, clerk, #"{"action": "approve", "step": "intake"}"#, .ok)
        #expect(a.server.dossiers.dossier("HS-K")?.version == 2)
        try await act(b, officer, #"{"action": "approve", "step": "review"}"#, .ok)          // a's kept dossier is now stale
        try await act(a, chairman, #"{"action": "approve", "step": "sign"}"#, .ok)            // judged again on the stored dossier
        try await act(a, chairman, #"{"action": "approve", "step": "sign", "expected_version": 3}"#, .conflict, code: "store-conflict")
        #expect(try await store.events(of: "HS-K").map(\.sequence) == [1, 2, 3, 4])
        #expect(a.server.dossiers.dossier("HS-K") == nil, "a conflict drops the kept dossier")
    }

    @Test func rolesAndWardsAreEnforced() async throws {
        let f = try await ServiceFixture()
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        let officer = try await f.token("minh", ["officer"])
        let stranger = try await f.token("nam", ["officer"], ward: "phuong-b")
        let province = try await f.token("thu", ["officer"], ward: "*")
        let nobody = try await f.token("an", ["one_stop_clerk"], ward: nil)
        try await f.test { client in
            try await client.execute(uri: "/v1/dossiers?id=HS-1", method: .post, headers: .bearer(clerk), body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .created)
                let receipt = (try? object(response.body)) ?? [:]
                #expect(receipt["id"] as? String == "HS-1")
                #expect(receipt["store"] == nil, "the receipt names no server path")
            }
            try await client.execute(uri: "/v1/dossiers?id=HS-2", method: .post, headers: .bearer(province), body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .forbidden)
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "ward-required")
            }
            try await client.execute(uri: "/v1/dossiers/HS-1/actions", method: .post, headers: .bearer(clerk),
                                     body: ByteBuffer(string: #"{"action": "approve", "step": "intake"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/dossiers/HS-1/actions", method: .post, headers: .bearer(clerk),
                                     body: ByteBuffer(string: #"{"action": "approve"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "dossier-role-required")
            }
            try await client.execute(uri: "/v1/dossiers/HS-1", method: .get, headers: .bearer(stranger)) { response in
                #expect(response.status == .forbidden)
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "dossier-wrong-ward")
            }
            try await client.execute(uri: "/v1/dossiers/HS-1/actions", method: .post, headers: .bearer(stranger),
                                     body: ByteBuffer(string: #"{"action": "approve"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect(((try? object(response.body)) ?? [:])["code"] as? String == "dossier-wrong-ward")
            }
            try await client.execute(uri: "/v1/dossiers", method: .get, headers: .bearer(stranger)) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("HS-1"))
            }
            try await client.execute(uri: "/v1/dossiers?ward=phuong-a", method: .get, headers: .bearer(stranger)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/dossiers", method: .get, headers: .bearer(nobody)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/dossiers?ward=phuong-a", method: .get, headers: .bearer(province)) { response in
                #expect(String(buffer: response.body).contains("HS-1"))
            }
            try await client.execute(uri: "/v1/dossiers/HS-1/actions", method: .post, headers: .bearer(officer),
                                     body: ByteBuffer(string: #"{"action": "approve", "expected_version": 2}"#)) { response in
                #expect(response.status == .ok)
            }
            // A stale version is a conflict, not a lost update.
            try await client.execute(uri: "/v1/dossiers/HS-1/actions", method: .post, headers: .bearer(officer),
                                     body: ByteBuffer(string: #"{"action": "pause", "reasons": ["Chờ"], "expected_version": 2}"#)) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/v1/dossiers/HS-1", method: .get, headers: .bearer(officer)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"sign\""))
            }
            try await client.execute(uri: "/v1/stats?from=2026-03-01&to=2026-03-31", method: .get, headers: .bearer(officer)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Bad input of every kind is a 4xx problem, never a 5xx.
    @Test func badInputIsAProblemNeverAServerError() async throws {
        let f = try await ServiceFixture()
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        let huge = String(repeating: "x", count: ServiceLimits.maxBodyBytes + 10)
        let cases: [(String, HTTPRequest.Method, String?, HTTPResponse.Status, String)] = [
            ("/v1/check", .post, "{not json", .badRequest, "invalid-dossier"),
            ("/v1/check", .post, #"{"procedure": "khong-co", "received": "2026-03-09T08:00:00+07:00", "channel": "in_person", "papers": []}"#, .badRequest, "invalid-dossier"),
            ("/v1/check", .post, huge, .contentTooLarge, "body-too-large"),
            ("/v1/check", .post, "", .badRequest, "empty-body"),
            ("/v1/check?x=1", .post, permitDossier(), .badRequest, "unknown-parameter"),
            ("/v1/dossiers/HS-X/actions", .post, #"{"action": "approve", "colour": "red"}"#, .badRequest, "unknown-field"),
            ("/v1/dossiers/HS-X/actions", .post, #"{"action": 7}"#, .badRequest, "wrong-type"),
            ("/v1/dossiers/HS-X/actions", .post, #"{"action": "fly"}"#, .badRequest, "unknown-action"),
            ("/v1/dossiers/HS-X/actions", .post, #"{"action": "approve"}"#, .notFound, "dossier-not-found"),
            ("/v1/dossiers/HS%20%27%3B", .get, nil, .badRequest, "invalid-dossier-id"),
            ("/v1/dossiers/HS-X", .get, nil, .notFound, "dossier-not-found"),
            ("/v1/dossiers?due_within=-1", .get, nil, .badRequest, "invalid-parameter"),
            ("/v1/due?from=2026-03-09T08:00&working_days=abc", .get, nil, .badRequest, "bad-input"),
            ("/v1/due?from=--catalog&working_days=1", .get, nil, .badRequest, "invalid-parameter"),
            ("/v1/calendar/20x6", .get, nil, .badRequest, "bad-input"),
            ("/v1/nothing", .get, nil, .notFound, "not-found"),
        ]
        try await f.test { client in
            for (uri, method, body, status, code) in cases {
                try await client.execute(uri: uri, method: method, headers: .bearer(clerk), body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8", "\(uri)")
                    #expect(((try? object(response.body)) ?? [:])["code"] as? String == code, "\(uri): \(String(buffer: response.body))")
                }
            }
            var plain = HTTPFields.bearer(clerk, json: false)
            plain[.contentType] = "text/plain"
            try await client.execute(uri: "/v1/check", method: .post, headers: plain, body: ByteBuffer(string: permitDossier())) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func messagesFollowAcceptLanguage() async throws {
        let f = try await ServiceFixture()
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        try await f.test { client in
            try await client.execute(uri: "/v1/dossiers/HS-X", method: .get, headers: .bearer(clerk, language: "en-GB,en;q=0.9,vi;q=0.5")) { response in
                #expect(((try? object(response.body)) ?? [:])["detail"] as? String == "No dossier HS-X.")
                #expect(response.headers[.contentLanguage] == "en")
            }
            try await client.execute(uri: "/v1/dossiers/HS-X", method: .get, headers: .bearer(clerk)) { response in
                #expect(((try? object(response.body)) ?? [:])["detail"] as? String == "Không có hồ sơ HS-X.")
            }
        }
    }

    @Test func decisionsMatchTheCommandLine() async throws {
        let f = try await ServiceFixture()
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        try await f.test { client in
            try await client.execute(uri: "/v1/due?from=2026-02-13T09:00:00%2B07:00&working_days=5", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .ok)
                let expected = try DueCommand.parse(["2026-02-13T09:00:00+07:00", "--working-days", "5", "--format", "json", "--catalog", serviceCatalogPath]).output().out
                #expect(String(buffer: response.body) == expected)
            }
            try await client.execute(uri: "/v1/calendar/2026", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("2026-02-17"))
            }
        }
    }

    /// Due dates and calendars come from the catalogue in service, not from its folder per request:
    /// a province's calendar still answers when the folder is gone (read from disk, it would be
    /// unknown).
    @Test func calendarsComeFromTheLoadedCatalogue() async throws {
        let f = try await ServiceFixture()
        let detached = TTHCServer(catalog: CatalogHolder(f.server.catalog.current, path: "/nonexistent/tthc-catalogue"), store: f.server.store,
                                  storeLabel: "memory", authority: f.authority)
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        let app = Application(router: detached.router())
        try await app.test(.router) { client in
            #expect(detached.catalog.current.catalog.calendars.contains { $0.id == "vi-du-tinh" })
            try await client.execute(uri: "/v1/due?from=2026-02-13T09:00:00%2B07:00&working_days=5&calendar=vi-du-tinh", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/v1/calendar/2026?calendar=vi-du-tinh", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/calendar/2026?calendar=khong-co", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func administrationNeedsTheAdminRole() async throws {
        let f = try await ServiceFixture()
        let clerk = try await f.token("lan", ["one_stop_clerk"])
        let admin = try await f.token("root", [ServiceUser.adminRole], ward: nil)
        try await f.test { client in
            try await client.execute(uri: "/metrics", method: .get, headers: .bearer(clerk)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/admin/catalog/reload", method: .post, headers: .bearer(clerk)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/admin/catalog/reload", method: .post, headers: .bearer(admin)) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect(body["revision"] as? String == body["previous_revision"] as? String)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: .bearer(admin)) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("tthc_http_requests_total"))
                #expect(text.contains(#"route="/v1/admin/catalog/reload""#))
            }
        }
    }
}
