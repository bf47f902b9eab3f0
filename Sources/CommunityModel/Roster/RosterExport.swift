import Foundation

/// The roster as export tables; the CSV headers match the roster import so an exported file can be edited in
/// Excel and imported again.
public enum RosterExport {
    /// 在职党员, by member code.
    public static let members = ExportTable(
        name: "members",
        columns: [
            ExportColumn("member_code", "党员编号", .keptAsText),
            ExportColumn("name", "姓名"),
            ExportColumn("phone", "手机号", .keptAsText),
            ExportColumn("organisation", "所属单位"),
            ExportColumn("level", "层级"),
            ExportColumn("reported_on", "报到日期"),
            ExportColumn("active", "状态", .flag(yes: "在册", no: "已停用")),
        ],
        sql: """
            SELECT m.member_code, m.name, m.phone, o.name AS organisation, m.level, m.reported_on, m.active
            FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id
            ORDER BY m.member_code, m.id
            """)

    /// 报到单位党组织, by name.
    public static let organisations = ExportTable(
        name: "organisations",
        columns: [
            ExportColumn("name", "单位名称"),
            ExportColumn("level", "层级"),
            ExportColumn("contact", "联系人"),
            ExportColumn("phone", "联系电话", .keptAsText),
            ExportColumn("reported_on", "报到日期"),
            ExportColumn("members", "报到党员数", .integer),
            ExportColumn("active", "状态", .flag(yes: "在册", no: "已停用")),
        ],
        sql: """
            SELECT o.name, o.level, o.contact, o.phone, o.reported_on,
                   (SELECT COUNT(*) FROM member m WHERE m.organisation_id = o.id) AS members, o.active
            FROM organisation o
            ORDER BY o.name, o.id
            """)
}
