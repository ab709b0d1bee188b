import ConvfuzzSpec
import Foundation

/// A small builder of inline SVG: rectangles, lines and text, every text and title escaped.
///
/// Colours and class names come from our code only, never from run data.
struct SVGCanvas {
    /// Width in user units (and CSS pixels at scale 1).
    let width: Double
    /// Height in user units.
    let height: Double
    private var elements: [String] = []

    /// Creates an empty canvas.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    // MARK: Shapes

    /// A filled rectangle with an optional class and tooltip.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       className: String? = nil, title: String? = nil, stroke: String? = nil) {
        var element = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\""
        element += " height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\"" }
        if let className { element += " class=\"\(className)\"" }
        if let title {
            element += "><title>\(HTMLText.escape(title))</title></rect>"
        } else {
            element += "/>"
        }
        elements.append(element)
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dashed: Bool = false, className: String? = nil) {
        var element = "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\""
        element += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if dashed { element += " stroke-dasharray=\"4 3\"" }
        if let className { element += " class=\"\(className)\"" }
        elements.append(element + "/>")
    }

    /// A text label; `anchor` is `start`, `middle` or `end`; `rotate` turns it around its anchor point.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                       fill: String = "#333", bold: Bool = false, rotate: Double? = nil, className: String? = nil) {
        var element = "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\""
        element += " font-size=\"\(Self.number(size))\" fill=\"\(fill)\""
        if bold { element += " font-weight=\"bold\"" }
        if let rotate { element += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        if let className { element += " class=\"\(className)\"" }
        elements.append(element + ">\(HTMLText.escape(content))</text>")
    }

    // MARK: Output

    /// The `<svg>` element; `label` is its accessible name.
    func render(label: String, className: String) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" role=\"img\""
        svg += " aria-label=\"\(HTMLText.escape(label))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        svg += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\">"
        return svg + elements.joined() + "</svg>"
    }

    /// A coordinate or size with at most two decimals (no trailing zeros), locale-independent.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if let whole = rounded.wholeNumberText { return whole }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
