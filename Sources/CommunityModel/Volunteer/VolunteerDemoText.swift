import Foundation

/// One kind of task the demo 朝东社区 publishes again and again over its half year of 双报到 service.
struct DemoTaskKind {
    var titles: [String]
    var category: TaskCategory
    var audience: TaskAudience
    var from: String
    var to: String
    var places: [String]
    var seats: ClosedRange<Int>
    var points: Int
    var description: String
    /// What claimants report back; `#` is replaced by a plausible number.
    var replies: [String]
    /// How often the office publishes it, relative to the others.
    var weight: Int
    /// Months (1–12) it belongs to; empty: all year.
    var months: Set<Int> = []
}

/// The words of the 双报到 demo: task kinds, replies, and the reasons reviewers give.
enum VolunteerDemoText {
    static let kinds: [DemoTaskKind] = [
        DemoTaskKind(titles: ["核酸检测（上午班）", "核酸检测（早班）"], category: .nucleicTesting, audience: .both,
                     from: "07:00", to: "11:00", places: ["朝东社区卫生服务站", "朝东小区南门采样点"], seats: 13...18, points: 20,
                     description: "扫码登记、维持排队秩序、引导居民保持一米间距。",
                     replies: ["按时到岗，完成扫码登记 # 人次。", "维持排队秩序，协助 # 位老人扫码。", "负责 2 号通道引导，全程在岗。"], weight: 5),
        DemoTaskKind(titles: ["核酸检测（下午班）"], category: .nucleicTesting, audience: .both,
                     from: "14:00", to: "18:00", places: ["朝东社区卫生服务站"], seats: 10...15, points: 20,
                     description: "扫码登记、维持排队秩序。",
                     replies: ["完成扫码登记 # 人次。", "引导居民分流排队，全程在岗。"], weight: 3),
        DemoTaskKind(titles: ["小门管控（东门）", "小门管控（西门）", "小门管控（北门）"], category: .gateControl, audience: .members,
                     from: "06:00", to: "12:00", places: ["朝东小区东门", "朝东小区西门", "朝东小区北门"], seats: 4...6, points: 25,
                     description: "测温、查验通行证、登记外来人员。",
                     replies: ["测温 # 人次，劝返无证车辆 3 辆。", "值守 6 小时，登记外来人员 # 人。", "按要求完成测温登记。"], weight: 4),
        DemoTaskKind(titles: ["文明城市创建入户宣传", "文明创建：楼道小广告清理", "文明创建：文明交通劝导"], category: .civility, audience: .both,
                     from: "09:00", to: "12:00", places: ["朝东社区各楼栋", "朝东小区 1–12 号楼", "公园街与运河路路口"], seats: 13...18, points: 15,
                     description: "入户发放《文明市民手册》，清理楼道小广告，劝导不文明行为。",
                     replies: ["入户宣传 # 户。", "清理小广告 # 处。", "劝导闯红灯、乱停车 # 人次。"], weight: 4),
        DemoTaskKind(titles: ["防诈骗宣传进社区", "防诈骗宣传：守护老年人的钱袋子"], category: .antiFraud, audience: .organisations,
                     from: "09:00", to: "11:30", places: ["朝东社区党群服务中心广场", "朝东社区老年活动中心"], seats: 3...5, points: 40,
                     description: "发放宣传册，现场讲解电信诈骗常见手法。",
                     replies: ["出动 # 人，发放宣传册 300 份。", "现场讲解典型案例，解答群众咨询 # 人次。", "协助 # 位居民安装国家反诈中心 App。"], weight: 5),
        DemoTaskKind(titles: ["环境整治：背街小巷集中清理", "环境整治：共建单位认领绿地"], category: .environment, audience: .organisations,
                     from: "08:30", to: "11:30", places: ["朝东社区背街小巷", "朝东小区中心绿地"], seats: 3...4, points: 30,
                     description: "清运垃圾杂物，修整绿地。",
                     replies: ["出动 # 人，清运垃圾两车。", "补种绿植 # 株，清理白色垃圾。"], weight: 3),
        DemoTaskKind(titles: ["楼道杂物清理", "环境整治：绿地白色垃圾捡拾", "环境整治：共享单车整理"], category: .environment, audience: .both,
                     from: "14:00", to: "17:00", places: ["朝东小区 3 号楼", "朝东小区中心绿地", "朝东社区公交站"], seats: 13...18, points: 15,
                     description: "清理楼道堆放杂物，消除消防隐患；捡拾垃圾，整理车辆。",
                     replies: ["清理 1–3 单元楼道。", "捡拾垃圾 # 袋。", "整理共享单车 # 辆。"], weight: 4),
        DemoTaskKind(titles: ["社区广场文艺展演秩序维护"], category: .performanceOrder, audience: .members,
                     from: "18:30", to: "21:00", places: ["朝东社区文化广场"], seats: 12...16, points: 20,
                     description: "引导观众入场、维持现场秩序、散场疏导。",
                     replies: ["引导观众入场，散场疏导 # 人。", "负责舞台东侧秩序，全程在岗。"], weight: 1),
        DemoTaskKind(titles: ["汛期防汛值守"], category: .other, audience: .members,
                     from: "19:00", to: "23:00", places: ["朝东小区地下车库入口"], seats: 3...4, points: 25,
                     description: "巡查地下车库和低洼处，雨大时摆放挡水板。",
                     replies: ["巡查 # 次，摆放挡水板。", "值守至 23 点，未发现积水。"], weight: 3, months: [7, 8]),
    ]

    /// 迎"七一" and the National Day performances, on their eves when the half year covers them.
    static func festival(month: Int, day: Int) -> DemoTaskKind? {
        let title: String
        switch (month, day) {
        case (6, 28): title = "迎\"七一\"文艺演出秩序维护"
        case (9, 29): title = "迎国庆文艺演出秩序维护"
        default: return nil
        }
        var kind = kinds[7]
        kind.titles = [title]
        kind.seats = 14...18
        return kind
    }

    /// The coming performance's name, by the season it falls in.
    static func showTitle(month: Int) -> String {
        switch month {
        case 6, 7: return "迎\"七一\"文艺演出秩序维护"
        case 9, 10: return "迎国庆文艺演出秩序维护"
        case 12, 1: return "迎新年文艺演出秩序维护"
        case 2: return "迎新春文艺演出秩序维护"
        default: return "社区广场文艺展演秩序维护"
        }
    }

    static let rejectReasons = ["回复内容与任务不符，请补充照片", "签到表上没有本人，请联系社区核实", "服务时长不足要求的一半"]
    static let noShowReasons = ["当天未到岗", "临时请假未提前告知", "电话联系未到"]
    static let revokeReason = "误点通过：经核实该党员当天未到岗"

    /// A reply with its `#` filled in.
    static func reply(_ kind: DemoTaskKind, rng: inout SeededRandom) -> String {
        rng.pick(kind.replies).replacingOccurrences(of: "#", with: String(rng.int(4...60)))
    }
}
