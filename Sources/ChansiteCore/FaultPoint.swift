import Foundation

/// Crash points for tests: when `CHANSITE_FAULT` names a point, the process kills itself
/// there with SIGKILL, as a power cut or `kill -9` would (or, at a `stall` point, waits). Lets the tests prove that a build
/// killed between any two steps of the output swap leaves a complete site.
package enum FaultPoint {
    private static let armed = ProcessInfo.processInfo.environment["CHANSITE_FAULT"]

    /// Kills the process if `name` is the armed point.
    package static func hit(_ name: String) {
        guard let armed, armed == name else { return }
        kill(getpid(), SIGKILL)
    }

    /// Holds the calling thread for `seconds` if `name` is the armed point: a slow step, for
    /// tests of what is served meanwhile.
    package static func stall(_ name: String, seconds: Double = 8) {
        guard let armed, armed == name else { return }
        Thread.sleep(forTimeInterval: seconds)
    }

    /// Whether `name` is the armed point (a fault that is simulated rather than a kill).
    package static func isArmed(_ name: String) -> Bool { armed == name }
}
