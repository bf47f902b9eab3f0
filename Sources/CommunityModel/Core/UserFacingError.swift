import Foundation

/// An error whose message tells a non-programmer what is wrong and what to do, in both languages.
public protocol UserFacingError: Error, CustomStringConvertible {
    var message: LocalizedText { get }
}

extension UserFacingError {
    public var description: String { message.text() }
}

/// Turns any error into words for the status line; internal detail stays internal.
public func userMessage(for error: Error) -> LocalizedText {
    if let error = error as? UserFacingError { return error.message }
    if let error = error as? LocalizedError, let text = error.errorDescription {
        return LocalizedText("操作失败：\(text)", "Failed: \(text)")
    }
    return LocalizedText("操作失败：\(error)", "Failed: \(error)")
}
