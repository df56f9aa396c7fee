/// Creates the spec's teams, with their budgets, in LiteLLM's database through its admin API: LiteLLM
/// keeps teams, keys and spend only in its PostgreSQL database and has no config key that creates or
/// limits a team (`default_team_settings` carries per-team callbacks, not budgets; LiteLLM docs
/// proxy/team_budgets, proxy/users; litellm 1.108.7 `proxy/management_endpoints/team_endpoints.py`
/// `/team/new`, `/team/update`). A Job in each cluster whose proxy has the database, named by the digest
/// of what it writes (a Job's pod template cannot change), waits for the proxy and upserts every team.
/// Every cluster's proxy shares the one database `litellm.databaseSecret` names, so a team is one row
/// with one budget and one spend however many clusters run it: the Jobs of all clusters write the
/// same values.
package enum LiteLLMProvisioning {
    package static let scriptKey = "provision.py"

    /// The script's ConfigMap and the Job; nil without a database (budgets are reported only).
    package static func job(_ plan: PlannedPlatform, configDigest: String, labels: ManifestMap) -> (script: Manifest, job: Manifest)? {
        guard plan.platform.frontDoor.databaseSecret != nil else { return nil }
        var file: ManifestMap = ["teams": LiteLLMBudgets.teams(plan)]
        if !LiteLLMKeys.teams(plan.platform).isEmpty { file["keys"] = LiteLLMKeys.entries(plan.platform) }
        let teams = YAMLRenderer.render(.map(file))
        let digest = String(SHA256.hex(script + teams).prefix(10))
        let name = "\(Conventions.liteLLMName)-teams-\(digest)"
        let namespace = Conventions.systemNamespace
        let configMap = Manifest(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace, labels: labels,
                                 body: ["data": [.init(scriptKey): .string(script), "teams.yaml": .string(teams)]])
        var pod = WorkloadSecurity.podIdentity(serviceAccount: Conventions.liteLLMName)
        pod["restartPolicy"] = "OnFailure"
        pod["containers"] = [[
            "name": "provision",
            "image": .string(plan.platform.components.image(ComponentVersions.liteLLM)),
            "command": ["python3", .string("/etc/litellm-teams/\(scriptKey)"), "/etc/litellm-teams/teams.yaml"],
            "env": .list([["name": "LITELLM_URL", "value": .string(Conventions.liteLLMEndpoint)],
                           LiteLLMEmitter.secretEnv(LiteLLMConfig.masterKeyVariable, secret: plan.platform.frontDoor.masterKeySecret,
                                                    key: LiteLLMEmitter.masterKeySecretKey)] + LiteLLMKeys.env(plan.platform)),
            "securityContext": WorkloadSecurity.containerSecurityContext,
            "volumeMounts": [["name": "teams", "mountPath": "/etc/litellm-teams", "readOnly": true]],
        ]]
        pod["volumes"] = [["name": "teams", "configMap": ["name": .string(name)]]]
        let job = Manifest(apiVersion: "batch/v1", kind: "Job", name: name, namespace: namespace, labels: labels, body: ["spec": [
            "backoffLimit": 20,
            "template": ["metadata": ["labels": .map(labels)], "spec": .map(pod)],
        ]])
        return (configMap, job)
    }

    /// Upserts each team of the YAML file (`teams: [{team_id, max_budget, budget_duration, metadata}]`)
    /// with the master key, then registers each team's key (`keys: [{team_id, key_alias, key_env}]`,
    /// the value from the environment): `/key/update` when LiteLLM knows the key (looked up by its
    /// SHA-256, so the raw key stays out of URLs and access logs: `/key/info` accepts the hash), else the
    /// alias's previous key is deleted (a rotated Secret) and `/key/generate` registers the new one with
    /// that `key`. Exits non-zero (the Job retries) until everything is written; a malformed key stops
    /// it with a message naming the team and its Secret. Standard library only, besides PyYAML (a
    /// LiteLLM dependency, in its image).
    package static let script = #"""
    import hashlib, json, os, sys, time, urllib.error, urllib.request
    import yaml

    base = os.environ["LITELLM_URL"].rstrip("/")
    key = os.environ["LITELLM_MASTER_KEY"]

    def call(path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(base + path, data=data, method="GET" if body is None else "POST",
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    for _ in range(60):
        try:
            call("/health/readiness"); break
        except Exception:
            time.sleep(5)

    spec = yaml.safe_load(open(sys.argv[1]))
    for entry in spec.get("keys") or []:
        value = os.environ.get(entry["key_env"], "")
        if not value.startswith("sk-") or len(value) < 16:
            sys.exit("key of team %s (Secret %s, key `key`) must start with `sk-` and have at least 16 characters"
                     % (entry["team_id"], entry["key_secret"]))

    teams = spec["teams"] or []
    for team in teams:
        try:
            call("/team/info?team_id=" + team["team_id"])
            exists = True
        except urllib.error.HTTPError:
            exists = False
        call("/team/update" if exists else "/team/new", team)
        print(("updated " if exists else "created ") + team["team_id"], flush=True)

    for entry in spec.get("keys") or []:
        value = os.environ[entry["key_env"]]
        body = {"key": value, "team_id": entry["team_id"], "key_alias": entry["key_alias"]}
        try:
            info = call("/key/info?key=" + hashlib.sha256(value.encode()).hexdigest())
            known = (info.get("info") or {}).get("status") != "deleted"
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
            known = False
        if not known:
            try:
                call("/key/delete", {"key_aliases": [entry["key_alias"]]})
                print("deleted the previous key " + entry["key_alias"], flush=True)
            except urllib.error.HTTPError as e:
                if e.code not in (400, 404):
                    raise
        call("/key/update" if known else "/key/generate", body)
        print(("updated key " if known else "created key ") + entry["key_alias"] + " of " + entry["team_id"], flush=True)
    """#
}
