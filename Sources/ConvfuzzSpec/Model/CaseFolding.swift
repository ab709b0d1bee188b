/// Which case-insensitivity a `contains_ci` filter means (`case_folding:` on the filter).
public enum CaseFolding: String, Sendable, CaseIterable, Codable {
    /// Unicode simple case folding (CaseFolding.txt, statuses C and S): `É` ≡ `é`, `Σ` ≡ `σ` ≡ `ς`,
    /// `ẞ` ≡ `ß`; never one letter to two (`ß` is not `ss`), and `ı`, `İ` fold to themselves.
    case simple
    /// Only ASCII letters fold (`A` ≡ `a`); every other character is compared exactly.
    case ascii
}
