import Foundation

/// Writes one report file: `-` is standard output, a FIFO, device or symlink is written through, and a
/// regular file is replaced atomically (temporary file in the same folder, then rename), so a crash never
/// leaves half a report. See `OutputDestination`.
public enum ReportWriter {
    /// Checks the path, then writes text to it; the error names the path and what is wrong.
    public static func write(_ text: String, to path: String, option: String = "report") throws(OutputError) {
        try OutputDestination.checkFile(option: option, path: path).write(text)
    }
}
