/// chansite's version: printed by `--version`, and part of every output fingerprint, so a new
/// chansite re-renders everything once.
public enum ChansiteVersion {
    public static let current = "0.2.0"
}
