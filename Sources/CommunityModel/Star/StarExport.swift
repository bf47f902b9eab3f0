import Foundation
import GRDB

/// `community star export`: the quarter's result as the street office receives it (issue 10 item 6).
/// `community star street` reads these files back, so the shape is versioned and decoded leniently.
public struct StarExport: Sendable, Equatable, Codable {
    public struct Signature: Sendable, Equatable, Codable {
        public var signedBy: String
        public var role: String
        public var at: String
        enum CodingKeys: String, CodingKey { case signedBy = "signed_by", role, at }
    }

    public struct SelfAssessment: Sendable, Equatable, Codable {
        public var signature: Signature
        public var total: Int
        public var claimedStars: Int
        enum CodingKeys: String, CodingKey { case signature, total, claimedStars = "claimed_stars" }
    }

    public struct Defence: Sendable, Equatable, Codable {
        public var signature: Signature
        public var score: Double
        public var confirmed: Bool
    }

    public struct SiteCheck: Sendable, Equatable, Codable {
        public var signature: Signature
        public var results: [SiteCheckResult]
    }

    public struct Review: Sendable, Equatable, Codable {
        public var signature: Signature
        public var finalStars: Int
        enum CodingKeys: String, CodingKey { case signature, finalStars = "final_stars" }
    }

    public struct Stages: Sendable, Equatable, Codable {
        public var selfAssessment: SelfAssessment?
        public var publicDefence: Defence?
        public var siteCheck: SiteCheck?
        public var districtReview: Review?
        enum CodingKeys: String, CodingKey {
            case selfAssessment = "self_assessment", publicDefence = "public_defence", siteCheck = "site_check", districtReview = "district_review"
        }
    }

    public struct AreaScore: Sendable, Equatable, Codable {
        public var key: String
        public var score: Int
        public var weight: Int
    }

    public static let formatName = "community-star-export"
    public var format: String = formatName
    public var version: Int = 1
    public var community: String
    public var street: String
    public var district: String
    public var quarter: StarQuarter
    public var total: Int
    public var claimedStars: Int
    public var stage: String
    public var finalStars: Int?
    /// The street's defence score when it has been recorded (the street office may also fill it in).
    public var defenceScore: Double?
    public var areas: [AreaScore]
    public var stages: Stages

    enum CodingKeys: String, CodingKey {
        case format, version, community, street, district, quarter, total, stage, areas, stages
        case claimedStars = "claimed_stars", finalStars = "final_stars", defenceScore = "defence_score"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(community, forKey: .community)
        try c.encode(street, forKey: .street)
        try c.encode(district, forKey: .district)
        try c.encode(quarter, forKey: .quarter)
        try c.encode(total, forKey: .total)
        try c.encode(claimedStars, forKey: .claimedStars)
        try c.encode(stage, forKey: .stage)
        try c.encode(finalStars, forKey: .finalStars)
        try c.encode(defenceScore, forKey: .defenceScore)
        try c.encode(areas, forKey: .areas)
        try c.encode(stages, forKey: .stages)
    }

    public init(profile: CommunityProfile, assessment a: StarAssessment) {
        community = profile.name
        street = profile.street
        district = profile.district
        quarter = a.quarter
        total = a.progress.signed[.selfAssessment]?.total ?? a.scorecard.total
        claimedStars = a.claimedStars
        stage = a.stageKey
        finalStars = a.finalStars
        areas = a.scorecard.areas.map { AreaScore(key: $0.area.key, score: $0.score, weight: $0.weight) }
        func sig(_ e: StarStageEvent) -> Signature { Signature(signedBy: e.operatorName, role: e.operatorRole, at: e.at) }
        let s = a.progress.signed
        stages = Stages(
            selfAssessment: s[.selfAssessment].map { SelfAssessment(signature: sig($0), total: $0.total ?? 0, claimedStars: $0.claimedStars ?? 3) },
            publicDefence: s[.publicDefence].map { Defence(signature: sig($0), score: $0.defenceScore ?? 0, confirmed: $0.confirmed ?? false) },
            siteCheck: s[.siteCheck].map { SiteCheck(signature: sig($0), results: $0.siteChecks) },
            districtReview: s[.districtReview].map { Review(signature: sig($0), finalStars: $0.finalStars ?? 3) })
        defenceScore = stages.publicDefence?.score
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

extension CommunityDatabase {
    /// The quarter's export for the street office.
    /// - Throws: `StoreError.missingProfile` on a file with no community yet.
    public func starExport(_ quarter: StarQuarter, standard: StarStandard) throws -> StarExport {
        try pool.read { db in
            guard let profile = try CommunityProfile.fetchOne(db) else { throw StoreError.missingProfile }
            return StarExport(profile: profile, assessment: try StarAssessment.read(db, quarter: quarter, standard: standard))
        }
    }
}
