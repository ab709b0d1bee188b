import ConvfuzzContract
import ConvfuzzResults
import ConvfuzzSpec
import Foundation
import Testing
@testable import ConvfuzzRunner

@Suite("Key variants")
struct KeyVariantTests {
    /// A key of the real shape (`sk_` and 48 hex digits), made by the generator the embedded run uses, so no
    /// key-like literal is committed.
    static let key = GeneratedKey.make(seed: 7, workspace: 0)
    static let header = "xi-api-key"

    static func value(_ variant: KeyVariant, key: String = key) -> String? {
        variant.credential(key: key, header: header)?.value
    }

    @Test func aRunSendsEveryKindOnceInAFixedOrder() {
        let plan = KeyVariant.plan(key: Self.key, header: Self.header, seed: 1)
        #expect(plan.map(\.kind) == ["missing", "empty", "wrong-suffix", "prefix", "case-flip", "random", "header-case", "header-case"])
        #expect(plan.contains(.headerName("XI-API-KEY")) && plan.contains(.headerName("Xi-Api-Key")))
        #expect(plan == KeyVariant.plan(key: Self.key, header: Self.header, seed: 1))
        #expect(plan.filter(\.expectsRefusal).count == 6)
    }

    @Test func wrongKeysDifferFromTheKeyAndKeepItsLengthWhereTheyShould() throws {
        let suffix = try #require(Self.value(.lastCharactersChanged(count: 4)))
        #expect(suffix.count == Self.key.count && suffix != Self.key)
        #expect(suffix.dropLast(4) == Self.key.dropLast(4))
        #expect(zip(suffix.suffix(4), Self.key.suffix(4)).allSatisfy { $0 != $1 })
        #expect(Self.value(.firstHalf) == String(Self.key.prefix(Self.key.count / 2)))
        let flipped = try #require(Self.value(.lastLetterCaseFlipped))
        #expect(flipped != Self.key && flipped.lowercased() == Self.key.lowercased() && flipped.count == Self.key.count)
        let random = try #require(Self.value(.random(seed: 9)))
        #expect(random.count == Self.key.count && random != Self.key)
        #expect(Self.value(.random(seed: 9)) == random)
        #expect(Self.value(.random(seed: 10)) != random)
        #expect(KeyVariant.missingHeader.credential(key: Self.key, header: Self.header)?.value == nil)
        #expect(Self.value(.emptyValue) == "")
        #expect(KeyVariant.headerName("XI-API-KEY").credential(key: Self.key, header: Self.header)! == ("XI-API-KEY", Self.key))
    }

    @Test func variantsThatCannotApplyAreLeftOut() {
        let digits = KeyVariant.plan(key: "12345678", header: Self.header, seed: 1).map(\.kind)
        #expect(!digits.contains("case-flip"))
        #expect(digits.contains("wrong-suffix") && digits.contains("random"))
        let short = KeyVariant.plan(key: "k", header: "Authorization", seed: 1)
        #expect(!short.map(\.kind).contains("prefix"))
        #expect(short.contains(.headerName("AUTHORIZATION")) && short.contains(.headerName("authorization")))
        #expect(short.contains(.lastCharactersChanged(count: 1)))
    }

    @Test func descriptionsAndStoredPlansHoldNoKeyMaterial() throws {
        let plan = KeyVariant.plan(key: Self.key, header: Self.header, seed: 1)
        let secrets = [Self.key] + plan.compactMap { Self.value($0) }.filter { $0.count >= 4 }
        for variant in plan {
            let description = variant.description(header: Self.header)
            let stored = String(decoding: try JSONEncoder().encode(ReplayPlan.auth(query: "", variant: variant, description: description)),
                                as: UTF8.self)
            for secret in secrets {
                #expect(!description.contains(secret) && !stored.contains(secret), "\(variant)")
                #expect(!stored.contains(secret.suffix(8)), "\(variant)")
            }
        }
        #expect(KeyVariant.lastCharactersChanged(count: 4).description(header: Self.header) == "wrong key (last 4 characters changed)")
        #expect(KeyVariant.missingHeader.description(header: Self.header) == "no xi-api-key header")
    }

    @Test func theRunsSecretsCoverEveryWrongKeySoTheRedactorHidesAnEcho() throws {
        var configuration = RunConfiguration(spec: Paths.spec, target: "http://127.0.0.1:1", apiKey: Self.key)
        configuration.secondKey = "sk_other_workspace_key_0001"
        let redactor = Redactor(secrets: configuration.secrets)
        let random = try #require(KeyVariant.plan(key: Self.key, header: Self.header, seed: 1).compactMap { variant -> String? in
            if case .random = variant { return Self.value(variant) }
            return nil
        }.first)
        let echoed = #"{"detail":"unknown key \#(random) and \#(configuration.secondKey!)"}"#
        let redacted = redactor.redact(echoed)
        #expect(!redacted.contains(random) && !redacted.contains("sk_other_workspace_key_0001"))
        #expect(redacted.contains(Redactor.mask))
    }

    @Test func generatedKeysAreSeededAndDifferByWorkspace() {
        let first = GeneratedKey.make(seed: 1, workspace: 0)
        #expect(first == GeneratedKey.make(seed: 1, workspace: 0))
        #expect(first != GeneratedKey.make(seed: 1, workspace: 1))
        #expect(first != GeneratedKey.make(seed: 2, workspace: 0))
        #expect(first.hasPrefix("sk_") && first.count == 51)
        #expect(first.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func aVariantConfigurationSendsTheHeaderAsGiven() {
        let configuration = RunConfiguration(spec: Paths.spec, target: "http://127.0.0.1:1", apiKey: Self.key)
        let variant = configuration.sending(header: "XI-API-KEY", value: nil)
        #expect(variant.spec.auth.header == "XI-API-KEY" && variant.apiKey == nil)
        #expect(configuration.spec.auth.header == "xi-api-key" && configuration.apiKey == Self.key)
    }
}
