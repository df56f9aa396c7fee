/// Every built-in price, with its source and date, in one place. A figure is copied as the source
/// states it (USD per hour); nothing is converted between regions or capacity types, and an instance
/// type, region or capacity the sources do not cover has no row (the lowering then warns, W2401–W2403).
///
/// Sources:
/// - KP: aws/karpenter-provider-aws `pkg/providers/pricing/zz_generated.pricing_aws.go`, "generated at
///   2026-07-20T13:44:30Z for us-east-1", Linux on-demand (hardware.md §4). us-east-1 only.
/// - SKY-AWS: skypilot-org/skypilot-catalog `catalogs/v7/aws/vms.csv` @001367d22a0033fac286a8c71aeac7109e431bcb,
///   read 2026-12-05 (`Price` of the us-west-2 rows; its spot figures differ per zone and are not used).
///   Its us-east-1 p5.48xlarge figure (98.32) predates KP's (55.04), so its p4d/p4de/p5 rows are stale and
///   not used: those types in us-west-2 get W2401. The g6/g6e rows used equal KP's us-east-1 figures.
/// - SKY-GCP: skypilot-org/skypilot-catalog `catalogs/v7/gcp/vms.csv` @017e2502fb63c7a28757acd94002b2d6099d3e3d,
///   read 2026-12-05. GCP bills an A2/A3/G2 node as the machine (a row with no accelerator) plus its GPUs
///   (a `,,,<GPU>,<count>` row); the price here is the sum of the two rows of the region, for `Price` and
///   for `SpotPrice`. The source's us-central1 H100 accelerator figure (33.60609 for 8) is 43% of its
///   us-east4 figure (78.37241); both are cited as read, not corrected.
/// - SKY-AZ: skypilot-org/skypilot-catalog `catalogs/v6/azure/vms.csv` @098741e70562f65d7af1cceb81e33b284f742604,
///   read 2026-12-05 (`Price`, `SpotPrice`). Where `SpotPrice` equals `Price` (the H100 v5 sizes) the file
///   carries no spot figure and none is listed.
/// - SKY-OCI: skypilot-org/skypilot-catalog `catalogs/v6/oci/vms.csv` @6e3a02d25e04a22b358168a5f95f8ac620424683,
///   read 2026-12-05: the same price in every region listed; no spot figure.
/// No stored source prices BM.GPU.H100.8, BM.GPU.L40S.4, g2-standard-12 or p5e.48xlarge (capacity blocks only).
extension PriceCatalog {
    static let kp = "karpenter zz_generated.pricing_aws.go (Linux on-demand)"
    static let kpDate = "2026-07-20"
    static let skyAWS = "skypilot-catalog catalogs/v7/aws/vms.csv @001367d2"
    static let skyGCP = "skypilot-catalog catalogs/v7/gcp/vms.csv @017e2502 (machine + GPU rows)"
    static let skyAzure = "skypilot-catalog catalogs/v6/azure/vms.csv @098741e7"
    static let skyOCI = "skypilot-catalog catalogs/v6/oci/vms.csv @6e3a02d2"
    static let readDate = "2026-12-05"

    /// USD written as in the source ("5.91582") → micros, exactly (no floating point).
    static func usd(_ text: String) -> Int64 {
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int64(parts[0]) ?? 0
        var fraction = parts.count > 1 ? String(parts[1].prefix(6)) : ""
        while fraction.count < 6 { fraction += "0" }
        return whole * 1_000_000 + (Int64(fraction) ?? 0)
    }

    private static func row(_ type: String, _ region: String, _ capacity: InstancePrice.Capacity, _ figures: [String],
                            _ source: String, _ date: String) -> InstancePrice {
        InstancePrice(instanceType: type, region: region, capacity: capacity, micros: figures.map(usd).reduce(0, +),
                      source: source, date: date)
    }

    /// A GCP region: machine row and accelerator row, on-demand then spot.
    private static func gcp(_ type: String, _ region: String, machine: (String, String), gpus: (String, String)) -> [InstancePrice] {
        [row(type, region, .onDemand, [machine.0, gpus.0], skyGCP, readDate),
         row(type, region, .spot, [machine.1, gpus.1], skyGCP, readDate)]
    }

    private static func azure(_ type: String, _ region: String, _ price: String, spot: String? = nil) -> [InstancePrice] {
        [row(type, region, .onDemand, [price], skyAzure, readDate)]
            + (spot.map { [row(type, region, .spot, [$0], skyAzure, readDate)] } ?? [])
    }

    static let builtInPrices: [InstancePrice] = aws + gcp + azure + oci

    static let aws: [InstancePrice] = [
        ("p4d.24xlarge", "21.957642"), ("p4de.24xlarge", "27.44705"), ("p5.48xlarge", "55.04"), ("p5en.48xlarge", "63.296"),
        ("g5.xlarge", "1.006"), ("g5.12xlarge", "5.672"), ("g5.48xlarge", "16.288"), ("g6.xlarge", "0.8048"),
        ("g6.48xlarge", "13.3504"), ("g6e.xlarge", "1.861"), ("g6e.12xlarge", "10.49264"), ("g6e.48xlarge", "30.13118"),
    ].map { row($0.0, "us-east-1", .onDemand, [$0.1], kp, kpDate) } + [
        ("g6.xlarge", "0.8048"), ("g6e.12xlarge", "10.49264"),
    ].map { row($0.0, "us-west-2", .onDemand, [$0.1], skyAWS, readDate) }

    static let gcp: [InstancePrice] = [
        gcp("a2-highgpu-1g", "us-central1", machine: ("0.73948", "0.29576"), gpus: ("2.93391", "1.1472")),
        gcp("a2-highgpu-1g", "europe-west4", machine: ("0.81406", "0.31824"), gpus: ("1.61365", "1.1691")),
        gcp("a2-highgpu-2g", "us-central1", machine: ("1.47895", "0.59151"), gpus: ("5.86782", "2.2944")),
        gcp("a2-highgpu-2g", "europe-west4", machine: ("1.62813", "0.63648"), gpus: ("3.2273", "2.3382")),
        gcp("a2-highgpu-4g", "us-central1", machine: ("2.95791", "1.18302"), gpus: ("11.73563", "4.5888")),
        gcp("a2-highgpu-4g", "europe-west4", machine: ("3.25626", "1.27296"), gpus: ("6.4546", "4.6764")),
        gcp("a2-highgpu-8g", "us-central1", machine: ("5.91582", "2.36604"), gpus: ("23.47126", "9.1776")),
        gcp("a2-highgpu-8g", "europe-west4", machine: ("6.51251", "2.54592"), gpus: ("12.90919", "9.3528")),
        gcp("a2-megagpu-16g", "us-central1", machine: ("8.79698", "3.51864"), gpus: ("46.94253", "18.3552")),
        gcp("a2-megagpu-16g", "europe-west4", machine: ("9.68403", "3.78624"), gpus: ("25.81838", "18.7056")),
        gcp("a2-ultragpu-1g", "us-central1", machine: ("1.09962", "0.43983"), gpus: ("1.8462", "1.5712")),
        gcp("a2-ultragpu-1g", "europe-west4", machine: ("1.2105", "0.47328"), gpus: ("2.03285", "1.5771")),
        gcp("a2-ultragpu-2g", "us-central1", machine: ("2.19924", "0.87966"), gpus: ("3.6924", "3.1424")),
        gcp("a2-ultragpu-2g", "europe-west4", machine: ("2.42101", "0.94656"), gpus: ("4.0657", "3.1542")),
        gcp("a2-ultragpu-4g", "us-central1", machine: ("4.39849", "1.75932"), gpus: ("7.38479", "6.2848")),
        gcp("a2-ultragpu-4g", "europe-west4", machine: ("4.84202", "1.89312"), gpus: ("8.13139", "6.3084")),
        gcp("a2-ultragpu-8g", "us-central1", machine: ("8.79698", "3.51864"), gpus: ("14.76958", "12.5696")),
        gcp("a2-ultragpu-8g", "europe-west4", machine: ("9.68403", "3.78624"), gpus: ("16.26278", "12.6168")),
        gcp("a3-highgpu-8g", "us-central1", machine: ("9.46006", "2.17547"), gpus: ("33.60609", "18.024")),
        gcp("a3-highgpu-8g", "us-east4", machine: ("9.46006", "1.70352"), gpus: ("78.37241", "14.1056")),
        gcp("a3-highgpu-8g", "europe-west4", machine: ("9.93306", "1.7888"), gpus: ("101.88413", "18.3304")),
        gcp("a3-megagpu-8g", "us-central1", machine: ("9.46006", "2.17547"), gpus: ("82.75421", "19.0328")),
        gcp("a3-megagpu-8g", "us-east4", machine: ("9.46006", "1.70352"), gpus: ("82.75424", "14.8952")),
        gcp("a3-megagpu-8g", "europe-west4", machine: ("9.93306", "1.7888"), gpus: ("107.58048", "19.3648")),
        gcp("a3-ultragpu-8g", "us-central1", machine: ("12.266", "2.82111"), gpus: ("74.49392", "29.7976")),
        gcp("a3-ultragpu-8g", "us-east4", machine: ("12.266", "2.20896"), gpus: ("74.49392", "27.8608")),
        gcp("a3-ultragpu-8g", "europe-west4", machine: ("12.8793", "2.31952"), gpus: ("36.60258", "31.28752")),
        gcp("g2-standard-4", "us-central1", machine: ("0.14679", "0.05874"), gpus: ("0.56004", "0.2231")),
        gcp("g2-standard-4", "europe-west4", machine: ("0.15429", "0.06174"), gpus: ("0.58804", "0.2106")),
        gcp("g2-standard-8", "us-central1", machine: ("0.29358", "0.11747"), gpus: ("0.56004", "0.2231")),
        gcp("g2-standard-8", "europe-west4", machine: ("0.30857", "0.12347"), gpus: ("0.58804", "0.2106")),
        gcp("g2-standard-16", "us-central1", machine: ("0.58717", "0.23494"), gpus: ("0.56004", "0.2231")),
        gcp("g2-standard-16", "europe-west4", machine: ("0.61714", "0.24694"), gpus: ("0.58804", "0.2106")),
        gcp("g2-standard-24", "us-central1", machine: ("0.88075", "0.35242"), gpus: ("1.12008", "0.4462")),
        gcp("g2-standard-24", "europe-west4", machine: ("0.92571", "0.37042"), gpus: ("1.17608", "0.4212")),
        gcp("g2-standard-32", "us-central1", machine: ("1.17434", "0.46989"), gpus: ("0.56004", "0.2231")),
        gcp("g2-standard-32", "europe-west4", machine: ("1.23429", "0.49389"), gpus: ("0.58804", "0.2106")),
        gcp("g2-standard-48", "us-central1", machine: ("1.7615", "0.70483"), gpus: ("2.24016", "0.8924")),
        gcp("g2-standard-48", "europe-west4", machine: ("1.85143", "0.74083"), gpus: ("2.35217", "0.8424")),
        gcp("g2-standard-96", "us-central1", machine: ("3.52301", "1.40966"), gpus: ("4.48032", "1.7848")),
        gcp("g2-standard-96", "europe-west4", machine: ("3.70286", "1.48166"), gpus: ("4.70434", "1.6848")),
    ].flatMap { $0 }

    static let azure: [InstancePrice] = [
        azure("Standard_ND96isr_H100_v5", "eastus", "98.32"),
        azure("Standard_ND96isr_H100_v5", "eastus2", "98.32"),
        azure("Standard_ND96isr_H100_v5", "westus", "127.816"),
        azure("Standard_ND96asr_v4", "eastus", "27.197", spot: "2.99167"),
        azure("Standard_ND96asr_v4", "southcentralus", "32.63", spot: "3.5893"),
        azure("Standard_ND96asr_v4", "westus2", "27.197", spot: "2.99167"),
        azure("Standard_ND96amsr_A100_v4", "eastus", "32.77", spot: "3.6047"),
        azure("Standard_ND96amsr_A100_v4", "eastus2", "32.77", spot: "3.611254"),
        azure("Standard_ND96amsr_A100_v4", "southcentralus", "39.324", spot: "4.32564"),
        azure("Standard_NC24ads_A100_v4", "eastus", "3.673", spot: "0.444433"),
        azure("Standard_NC24ads_A100_v4", "eastus2", "3.673", spot: "0.47749"),
        azure("Standard_NC24ads_A100_v4", "westus2", "3.673", spot: "0.615962"),
        azure("Standard_NC24ads_A100_v4", "westus", "4.775", spot: "0.647968"),
        azure("Standard_NC48ads_A100_v4", "eastus", "7.346", spot: "0.888866"),
        azure("Standard_NC48ads_A100_v4", "eastus2", "7.346", spot: "0.95498"),
        azure("Standard_NC48ads_A100_v4", "westus2", "7.346", spot: "1.231924"),
        azure("Standard_NC48ads_A100_v4", "westus", "9.55", spot: "1.295935"),
        azure("Standard_NC96ads_A100_v4", "eastus", "14.692", spot: "1.777732"),
        azure("Standard_NC96ads_A100_v4", "eastus2", "14.692", spot: "1.90996"),
        azure("Standard_NC96ads_A100_v4", "westus2", "14.692", spot: "2.463848"),
        azure("Standard_NC96ads_A100_v4", "westus", "19.1", spot: "2.59187"),
        azure("Standard_NC40ads_H100_v5", "eastus", "6.98"),
        azure("Standard_NC40ads_H100_v5", "eastus2", "6.98"),
        azure("Standard_NC40ads_H100_v5", "southcentralus", "8.38"),
        azure("Standard_NC80adis_H100_v5", "eastus", "13.96"),
        azure("Standard_NC80adis_H100_v5", "eastus2", "13.96"),
        azure("Standard_NC80adis_H100_v5", "southcentralus", "16.76"),
    ].flatMap { $0 }

    static let oci: [InstancePrice] = ["eu-amsterdam-1", "eu-stockholm-1", "eu-paris-1", "ap-mumbai-1", "me-abudhabi-1"].flatMap { region in
        [row("BM.GPU.A100-v2.8", region, .onDemand, ["32"], skyOCI, readDate),
         row("BM.GPU4.8", region, .onDemand, ["24.4"], skyOCI, readDate)]
    }
}
