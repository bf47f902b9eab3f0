import Foundation

/// Everything under `data/` that the program reads at start-up, validated as it loads.
public struct ReferenceData: Sendable, Equatable {
    public var consultation: ConsultationReference

    /// Loads and validates every reference file in `directory` (the `data/` folder).
    /// - Throws: `ReferenceDataError` naming the file, the path inside it and what was expected.
    public static func load(from directory: URL) throws -> ReferenceData {
        let url = directory.appendingPathComponent("consultation.json")
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return ReferenceData(consultation: try decoder.decode(ConsultationReference.self, from: data))
    }
}
