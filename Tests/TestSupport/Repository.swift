import Foundation

/// The repository's root folder, for tests that read its sources (templates, strings, provisioning).
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
