// MARK: - Whole numbers

extension Double {
    /// The value written as an integer when it is a whole number of magnitude under 10^15 (`3.0` → `3`),
    /// else nil: the one rule for printing a number without a trailing `.0`.
    public var wholeNumberText: String? {
        isFinite && rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : nil
    }
}
