import Foundation

/// Everything under `data/` that the program reads at start-up, validated as it loads (SPEC §2).
public struct ReferenceData: Sendable, Equatable {
    public static let consultationFile = "consultation.json"
    public static let starStandardFile = "star-standard.json"
    public static let catalogFile = "catalog.json"

    public var consultation: ConsultationReference
    public var starStandard: StarStandard
    public var catalog: Catalog
    public var letters: LetterTemplates
    /// `rankings.json`: letters per audience (read through `RankingSettings.current()`).
    public var rankings: RankingSettings = .defaults

    public init(consultation: ConsultationReference, starStandard: StarStandard, catalog: Catalog, letters: LetterTemplates) {
        self.consultation = consultation
        self.starStandard = starStandard
        self.catalog = catalog
        self.letters = letters
    }

    /// Loads and validates every reference file in `directory` (the `data/` folder): the consultation workflow,
    /// the star standard, the redemption catalog and the letter templates.
    /// - Throws: `ReferenceDataError` naming the file, the path inside it and what was expected; the first
    ///   problem found stops the load, so nothing half-valid is ever used.
    public static func load(from directory: URL) throws -> ReferenceData {
        var data = ReferenceData(
            consultation: try ConsultationReference.read(ReferenceJSONReader.open(consultationFile, in: directory)),
            starStandard: try StarStandard.read(ReferenceJSONReader.open(starStandardFile, in: directory)),
            catalog: try Catalog.read(ReferenceJSONReader.open(catalogFile, in: directory)),
            letters: try LetterTemplates.load(from: directory))
        data.rankings = try RankingSettings.load(from: directory)
        return data
    }
}

extension ConsultationReference {
    /// Loads and validates `consultation.json` alone.
    /// - Throws: `ReferenceDataError`.
    public static func load(from directory: URL) throws -> ConsultationReference {
        try read(ReferenceJSONReader.open(ReferenceData.consultationFile, in: directory))
    }
}

extension StarStandard {
    /// Loads and validates `star-standard.json` alone.
    /// - Throws: `ReferenceDataError`.
    public static func load(from directory: URL) throws -> StarStandard {
        try read(ReferenceJSONReader.open(ReferenceData.starStandardFile, in: directory))
    }
}

extension Catalog {
    /// Loads and validates `catalog.json` alone.
    /// - Throws: `ReferenceDataError`.
    public static func load(from directory: URL) throws -> Catalog {
        try read(ReferenceJSONReader.open(ReferenceData.catalogFile, in: directory))
    }
}
