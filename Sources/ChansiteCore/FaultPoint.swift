import Foundation

/// Crash points for tests: when `CHANSITE_FAULT` names a point, the process kills itself
/// there with SIGKILL, as a power cut or `kill -9` would. Lets the tests prove that a build
/// killed between any two steps of the output swap leaves a complete site.
package enum FaultPoint {
    private static let armed = ProcessInfo.processInfo.environment["CHANSITE_FAULT"]

    /// Kills the process if `name` is the armed point.
    package static func hit(_ name: String) {
        guard let armed, armed == name else { return }
        kill(getpid(), SIGKILL)
    }

    /// Whether `name` is the armed point (a fault that is simulated rather than a kill).
    package static func isArmed(_ name: String) -> Bool { armed == name }
}
