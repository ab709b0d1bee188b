import ConvfuzzContract
import ConvfuzzReferenceServer
import ConvfuzzRunner
import ConvfuzzTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A run killed with SIGKILL while it writes corpus entries never leaves a broken corpus: every
/// file parses, the next run sweeps the temporaries, replays what is there and writes the rest.
@Suite("Corpus survives kill -9", .ownThreads)
struct CorpusCrashTests {
    static let runArguments = ["run", "--fault", "validation-400", "--max-cases", "80", "--server-size", "100",
                               "--walks", "0", "--relations", "0", "--time-budget", "60"]

    @Test func tenKillsWhileWritingLeaveAParsableCorpusThatTheNextRunCompletes() throws {
        let reference = Harness.temporaryDirectory()
        let complete = try ChildProcess.run(Self.runArguments + ["--corpus", reference])
        #expect(complete.status == 1, "\(complete.stderr)")
        let expected = Set(CorpusStore(directory: reference).files().map { ($0 as NSString).lastPathComponent })
        try #require(expected.count >= 5, "the fault should give several corpus entries")

        let corpus = Harness.temporaryDirectory()
        var random = ConvfuzzReferenceServer.SplitMix64(seed: 0xC0_4905)
        var kills = 0
        var attempts = 0
        while kills < 10 && attempts < 30 {
            attempts += 1
            if names(in: corpus).subtracting(temporaries(in: corpus)) == expected { try clear(corpus) }
            let stale = try plantStaleTemporaries(in: corpus)
            let before = CorpusStore(directory: corpus).files().count
            let child = try ChildProcess.start(Self.runArguments + ["--corpus", corpus])
            // Wait for this run to write an entry, then kill it at a seeded moment of the writing.
            var finished: ChildProcess.Outcome?
            while CorpusStore(directory: corpus).files().count == before, finished == nil {
                usleep(5_000)
                finished = child.poll()
            }
            if finished == nil {
                usleep(UInt32(random.next() % 50_000))
                child.kill()
                finished = child.wait()
                if finished?.signaled == true { kills += 1 }
            }
            for path in CorpusStore(directory: corpus).files() {
                #expect(throws: Never.self, "kill \(kills): \(path) does not parse") { _ = try CorpusStore.load(path: path) }
            }
            #expect(stale.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "the run did not sweep \(stale)")
            CorpusStore(directory: corpus).sweepTemporaries()
            #expect(temporaries(in: corpus).isEmpty, "temporaries left after the sweep: \(temporaries(in: corpus))")
        }
        #expect(kills == 10, "only \(kills) kills landed while entries were written")
        let last = try ChildProcess.run(Self.runArguments + ["--corpus", corpus])
        #expect(last.status == 1, "\(last.stderr)")
        #expect(names(in: corpus) == expected, "the next run should replay the corpus and write the rest")
    }

    // MARK: Helpers

    private func names(in folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    private func temporaries(in folder: String) -> Set<String> {
        names(in: folder).filter(CorpusStore.isTemporary)
    }

    private func clear(_ folder: String) throws {
        for name in names(in: folder) { try FileManager.default.removeItem(atPath: folder + "/" + name) }
    }

    /// A temporary of a process that is gone and a Foundation `.dat.nosync` file: the next run must remove both.
    private func plantStaleTemporaries(in folder: String) throws -> [String] {
        var pid: pid_t = 4_000_000
        while Glibc.kill(pid, 0) == 0 || errno != ESRCH { pid += 1 }
        let paths = [folder + "/.cf-example.json.tmp-\(pid)-1", folder + "/.dat.nosync\(pid).Ab12Cd"]
        for path in paths { try Data("{\"half\":".utf8).write(to: URL(fileURLWithPath: path)) }
        return paths
    }
}
