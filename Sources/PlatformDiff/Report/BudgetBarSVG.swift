/// One team's money as a bar: solid to its cost now, a lighter extension to its cost at
/// `replicas.max`, a dark tick at its budget. Every team's bar shares one scale.
enum BudgetBarSVG {
    static let width = 360.0
    static let height = 18.0

    static func render(_ team: TeamMoney, scale: Money, colour: String) -> String {
        let n = HTMLText.number
        func x(_ amount: Money) -> Double {
            guard scale.micros > 0 else { return 0 }
            return min(width, max(0, width * Double(amount.micros) / Double(scale.micros)))
        }
        var out = "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 "
            + "\(n(width)) \(n(height))\" role=\"img\">"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#f3f4f6\"/>"
        out += "<rect x=\"0\" y=\"3\" width=\"\(n(x(team.monthlyAtMax)))\" height=\"12\" fill=\"\(colour)\" fill-opacity=\"0.35\"/>"
        out += "<rect x=\"0\" y=\"3\" width=\"\(n(x(team.monthly)))\" height=\"12\" fill=\"\(colour)\"/>"
        if let budget = team.budget {
            let over = team.monthlyAtMax > budget
            out += "<rect x=\"\(n(max(0, x(budget) - 2)))\" y=\"0\" width=\"2\" height=\"\(n(height))\" "
                + "fill=\"\(over ? "#b42318" : "#1f2937")\"/>"
        }
        return out + "</svg>"
    }
}
