import Foundation

/// The words of 朝东社区's demo issues: what residents raise, what the council proposes and decides.
/// `{b}`/`{b2}` in a title stand for building numbers so repeated topics read as different places.
struct ConsultationTopic {
    var category: String
    var title: String
    var description: String
    var options: [String]
    var minutes: String
    var resolution: String
    var implementation: String
}

enum ConsultationDemoText {
    /// The three issues the reference community is known for, told in full.
    static let featured: [ConsultationTopic] = [
        ConsultationTopic(
            category: "vegetable_plots", title: "5号楼北侧公共绿地被圈占种菜",
            description: "5号楼北侧约200平方米公共绿地被部分住户用旧木板、铁丝网圈占种菜，施用农家肥有异味，居民多次反映。",
            options: ["恢复绿化：拆除围挡，由物业补种草坪和月季", "改建“共享菜园”：统一规划认领，禁止私自圈地和施用农家肥"],
            minutes: "议事会上种菜住户代表说明了种菜原因；物业提出补植绿化费用；居民代表多数主张恢复绿地，同时在小区东侧空地划出共享菜园由居委会统一认领。",
            resolution: "拆除5号楼北侧私自圈占的围挡，恢复公共绿地；在小区东侧空地设立共享菜园，按户认领、统一管理，禁止施用农家肥。决议在公示栏和楼门群公示7天。",
            implementation: "物业10日内拆除围挡并补植；居委会组织共享菜园认领，党员楼门长带头清理。"),
        ConsultationTopic(
            category: "overhead_wires", title: "2号楼与3号楼之间高空飘线",
            description: "2号楼与3号楼之间私拉晾衣绳、电线和废弃网线纵横交错，雨天有漏电隐患，消防车无法通行。",
            options: ["由供电、通信单位联合清理废弃线缆，住户自行拆除晾衣绳", "增设集中晾晒区和楼下充电桩，从根本上解决飞线需求"],
            minutes: "供电中心和通信运营商到会说明废弃线缆归属；居民代表提出老人晾晒需要；会议决定清理飞线与增设晾晒区、充电桩同步进行。",
            resolution: "由驻区供电、通信单位7日内清理2号楼与3号楼之间全部废弃线缆；住户拆除私拉电线；社区在两楼间空地设集中晾晒架，物业安装电动车充电桩。",
            implementation: "供电中心、联通公司联合清理线缆；物业安装晾晒架6组、充电桩10个；楼门长逐户劝导。"),
        ConsultationTopic(
            category: "illegal_structures", title: "7号楼一楼住户私搭彩钢房占用公共通道",
            description: "7号楼1单元一楼住户在楼前私搭约15平方米彩钢房，占用公共通道和消防登高场地，邻居意见很大。",
            options: ["劝导当事人限期自行拆除，逾期由执法部门依法拆除", "拆除后由物业在原址修建公共自行车棚"],
            minutes: "当事人到会说明搭建原因，同意限期拆除；执法中队说明相关法规；居民代表一致同意拆除后改建公共车棚。",
            resolution: "7号楼1单元一楼私搭彩钢房限15日内自行拆除，逾期提请综合执法部门依法拆除；拆除后原址修建公共自行车棚，向全体居民开放。",
            implementation: "当事人自行拆除，社区党委书记现场督办；物业完成车棚修建；执法中队回访确认。"),
    ]

    /// Everyday topics per category, for the rest of the half year and for `generate`.
    static let topics: [ConsultationTopic] = [
        topic("vegetable_plots", "{b}号楼楼前花坛被改种蔬菜", "楼前花坛被个别住户改种蔬菜，搭了竹架，影响小区环境。",
              "恢复花坛原貌，由楼门长牵头补种花卉", "在{b}号楼楼前恢复花坛绿化，种菜住户自行清理，物业补种花卉。"),
        topic("vegetable_plots", "{b}号楼楼后空地私自开荒种菜", "楼后空地被开荒种菜，浇粪水有异味，蚊虫多。",
              "清理菜地并硬化为休闲场地", "清理{b}号楼楼后菜地，改建为居民休闲场地，设置健身器材。"),
        topic("overhead_wires", "{b}号楼楼道口飞线充电", "住户从楼上窗口拉线给电动车充电，线缆悬空横跨通道。",
              "增设集中充电桩，禁止飞线充电", "在{b}号楼附近增设充电桩，一个月内全部拆除飞线。"),
        topic("overhead_wires", "{b}号楼外墙废弃通信线缆垂落", "外墙废弃线缆垂落到人行道上方，大风天摆动，存在安全隐患。",
              "联系通信运营商清理废弃线缆", "由驻区通信单位清理{b}号楼外墙废弃线缆，物业每月巡查。"),
        topic("illegal_structures", "{b}号楼楼顶违建彩钢房", "顶层住户在楼顶加盖彩钢房，压坏防水层，楼下漏雨。",
              "劝导限期拆除并修复防水", "{b}号楼楼顶违建限期拆除，由当事人承担防水修复费用。"),
        topic("illegal_structures", "{b}号楼楼前私搭简易车棚", "住户在楼前私搭简易车棚，占用绿地和消防通道。",
              "拆除私搭车棚，统一规划自行车停放区", "拆除{b}号楼楼前私搭车棚，物业统一划设自行车停放区。"),
        topic("sanitation", "{b}号楼楼道堆放杂物", "楼道内堆放旧家具、纸箱，堵塞疏散通道，有火灾隐患。",
              "组织楼道清理日，制定楼道公约", "组织{b}号楼楼道集中清理，制定楼道公约，楼门长每周检查。"),
        topic("sanitation", "{b}号楼垃圾桶满溢清运不及时", "垃圾桶经常满溢，夏季异味大，招引蚊蝇。",
              "增加清运频次和垃圾桶数量", "物业将{b}号楼垃圾清运改为每日两次，增设垃圾桶4个。"),
        topic("parking", "小区主路两侧乱停车堵塞消防通道", "晚间主路两侧停满车辆，消防车和救护车无法通行。",
              "施划停车位和消防通道标线，错时共享周边单位车位", "施划小区停车位和消防通道标线，与驻区单位签订错时停车协议。"),
        topic("parking", "{b}号楼楼前电动车乱停乱放", "电动车停放在楼门口和楼道内，影响通行和消防安全。",
              "建设电动车集中停放充电棚", "在{b}号楼旁建设电动车停放充电棚，楼道内禁止停放。"),
        topic("other", "{b}号楼单元门禁损坏", "单元门禁损坏两个月，外来人员随意进出。",
              "使用公共维修资金更换门禁", "使用公共维修资金更换{b}号楼门禁系统，物业负责维护。"),
        topic("other", "小区部分路灯不亮", "小区西侧路灯有6盏不亮，老人晚上出行不便。",
              "物业更换灯具并改为节能灯", "物业一周内更换损坏路灯，统一改为节能灯并定期巡检。"),
    ]

    private static func topic(_ category: String, _ title: String, _ description: String, _ option: String, _ resolution: String) -> ConsultationTopic {
        ConsultationTopic(category: category, title: title, description: description,
                          options: [option], minutes: "与会各方充分发表意见，围绕“\(option)”进行了协商，就实施分工达成一致。",
                          resolution: resolution, implementation: "按决议分工实施，社区党委跟踪督办。")
    }

    static let residents = ["王秀兰", "李桂英", "张建华", "刘玉梅", "陈国强", "杨淑珍", "赵德明", "黄丽娟", "周志刚", "吴凤霞",
                            "徐海燕", "孙长林", "胡晓梅", "朱文博", "高秀云", "林志远", "何春生", "郭美玲", "马振华", "罗红英"]
    static let propertyCompanies = ["沧州宏运物业服务有限公司", "沧州安居物业服务有限公司"]
    static let ownersCommittees = ["朝东小区业主委员会", "运河花园业主委员会"]
    static let units = ["运河区综合行政执法局", "运河供电中心", "联通沧州分公司", "公园街道派出所", "朝东社区志愿者协会"]
    static let rejectReasons = ["属于相邻住户之间的民事纠纷，已引导通过人民调解解决，不予立项",
                                "属于物业合同约定的日常维修事项，已转物业直接办理，不予立项",
                                "反映的问题经核实不存在，不予立项"]
    static let withdrawReasons = ["反映人表示问题已自行协商解决，申请撤回", "反映人搬离本小区，申请撤回"]
    static let referReasons = ["涉及市政管网改造，超出社区协调范围，转报公园街道", "涉及区级规划审批，转报公园街道协调"]
    static let sendBackReasons = ["议事主体缺少物业服务企业代表，需补充后再议", "调研不充分，需补充现场勘查意见", "方案费用测算不清，需重新论证"]

    static func fill(_ text: String, _ b: Int, _ b2: Int) -> String {
        text.replacingOccurrences(of: "{b2}", with: String(b2)).replacingOccurrences(of: "{b}", with: String(b))
    }
}
