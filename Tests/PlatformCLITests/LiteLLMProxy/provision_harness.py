"""Runs the generated provisioning script (the Job's `provision.py`) against a stub of LiteLLM's admin
API on 127.0.0.1 and checks every request body it sends against LiteLLM's own pydantic request
models, imported from the installed `litellm` package. Prints one JSON object; the Swift test
(LiteLLMProvisioningScriptTests) asserts on it.

usage: provision_harness.py PROVISION.py TEAMS.yaml

The stub keeps teams and keys like LiteLLM's database: `/team/info` answers 404 for an unknown team,
`/key/info?key=HASH` 404 for an unknown key (looked up by SHA-256, as LiteLLM's `hash_token`), an
alias is unique (`/key/generate` with a taken alias is a 400, as `_enforce_unique_key_alias`), and
`/key/delete` by alias removes the key. Runs: first (empty database), second (nothing changed),
third (one team's Secret rotated), and one with a malformed key."""
import hashlib, http.server, json, os, subprocess, sys, threading

import yaml
from litellm.proxy._types import (GenerateKeyRequest, KeyRequest, NewTeamRequest, UpdateKeyRequest,
                                  UpdateTeamRequest)

provision, teams_file = sys.argv[1:3]
MODELS = {"/team/new": NewTeamRequest, "/team/update": UpdateTeamRequest, "/key/generate": GenerateKeyRequest,
          "/key/update": UpdateKeyRequest, "/key/delete": KeyRequest}
state = {"teams": {}, "keys": {}}  # keys: hash -> {alias, team_id}
log, invalid = [], []


def check(path, body):
    """The body's fields all exist on LiteLLM's request model, and the model accepts it."""
    model = MODELS.get(path)
    if model is None:
        invalid.append("%s: no request model" % path)
        return
    unknown = sorted(set(body) - set(model.model_fields))
    if unknown:
        invalid.append("%s: fields %s are not on %s" % (path, unknown, model.__name__))
    try:
        model(**body)
    except Exception as e:
        invalid.append("%s: %s rejects the body: %s" % (path, model.__name__, e))


class Admin(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        arg = query.partition("=")[2]
        log.append("GET " + path + ("" if path.startswith("/health") else "?" + ("HASH" if path == "/key/info" else arg)))
        if path.startswith("/health"):
            return self.reply(200, {"status": "healthy"})
        if path == "/team/info":
            return self.reply(200, {"team_id": arg}) if arg in state["teams"] else self.reply(404, {"error": "not found"})
        if path == "/key/info":
            if len(arg) != 64:
                log.append("raw key in URL")
            key = state["keys"].get(arg)
            return self.reply(200, {"key": arg, "info": dict(key, status="active")}) if key else self.reply(404, {"error": "Key not found in database"})
        self.reply(404, {})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        if self.headers.get("Authorization") != "Bearer sk-master-0123456789":
            return self.reply(401, {})
        check(self.path, body)
        shown = dict(body)
        if "key" in shown:
            shown["key"] = "sk-…" + shown["key"][-4:]
        log.append("POST %s %s" % (self.path, json.dumps(shown, sort_keys=True, ensure_ascii=False)))
        if self.path in ("/team/new", "/team/update"):
            state["teams"][body["team_id"]] = body
            return self.reply(200, body)
        if self.path == "/key/delete":
            gone = [h for h, k in state["keys"].items() if k["key_alias"] in body.get("key_aliases", [])]
            if not gone:
                return self.reply(404, {"error": "no such key"})
            for h in gone:
                del state["keys"][h]
            return self.reply(200, {"deleted_keys": gone})
        if self.path in ("/key/generate", "/key/update"):
            h = hashlib.sha256(body["key"].encode()).hexdigest()
            if self.path == "/key/generate" and any(k["key_alias"] == body["key_alias"] and kh != h for kh, k in state["keys"].items()):
                return self.reply(400, {"error": "Key with alias '%s' already exists." % body["key_alias"]})
            state["keys"][h] = {"key_alias": body["key_alias"], "team_id": body["team_id"]}
            return self.reply(200, {"key": body["key"]})
        self.reply(404, {})


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Admin)
threading.Thread(target=server.serve_forever, daemon=True).start()
env_names = [k["key_env"] for k in yaml.safe_load(open(teams_file)).get("keys") or []]
keys = {name: "sk-team-key-%02d-abcdefghij" % i for i, name in enumerate(env_names)}


def run(keys):
    del log[:]
    env = dict(os.environ, LITELLM_URL="http://127.0.0.1:%d" % server.server_address[1], LITELLM_MASTER_KEY="sk-master-0123456789", **keys)
    p = subprocess.run([sys.executable, provision, teams_file], env=env, capture_output=True, text=True, timeout=120)
    return {"status": p.returncode, "stdout": p.stdout.splitlines(), "stderr": p.stderr.strip().splitlines()[-1:], "requests": list(log)}


result = {"first": run(keys), "second": run(keys)}
if env_names:
    rotated = dict(keys, **{env_names[0]: "sk-team-key-rotated-xyz"})
    result["rotated"] = run(rotated)
    result["keys_after_rotation"] = sorted((k["key_alias"], k["team_id"]) for k in state["keys"].values())
    result["malformed"] = run(dict(keys, **{env_names[0]: "not-a-key"}))
result["invalid"] = invalid
server.shutdown()
print(json.dumps(result, sort_keys=True))
