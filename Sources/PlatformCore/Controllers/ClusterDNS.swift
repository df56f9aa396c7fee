/// The cluster DNS: no object we emit derives it, every pod needs it. CoreDNS runs in
/// `kube-system` and keeps the `k8s-app: kube-dns` label of the kube-dns it replaced
/// (kubernetes/kubernetes `cluster/addons/dns/coredns/coredns.yaml.base`, Deployment `coredns`,
/// labels `k8s-app: kube-dns`; the EKS, GKE and AKS add-ons keep it), serving DNS on 53 over UDP
/// and TCP (its container ports `dns` 53/UDP and `dns-tcp` 53/TCP).
package enum ClusterDNS {
    package static let namespace = Conventions.dnsNamespace
    package static let labels = ["k8s-app": "kube-dns"]
    package static let ports = [NetworkPort(Conventions.dnsPort, "UDP"), NetworkPort(Conventions.dnsPort, "TCP")]
}
