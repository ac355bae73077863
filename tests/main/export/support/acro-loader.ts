// ACRO's load_records (acro/record.py) and SACRO-Viewer's ACROOutputs (sacro/models.py) as a Python script, key for key,
// without pandas: reads a package folder back as they do and prints what it loaded.
export const LOADER = String.raw`
import datetime, hashlib, json, os, sys
path, version = sys.argv[1], sys.argv[2]
raw = open(os.path.join(path, "results.json"), "rb").read()
raw.decode("ascii")  # SACRO-Viewer reads it with the platform's encoding
data = json.loads(raw.decode("utf-8"))
assert data["version"] == version, data["version"]
assert "results" in data
loaded = {}
for key, val in data["results"].items():
    files = val["files"]
    assert len(files) > 0
    filenames = [file["name"] for file in files]
    sdcs = [file["sdc"] for file in files]
    record = dict(uid=val["uid"], status=val["status"], output_type=val["type"], properties=val["properties"],
                  sdc=sdcs[0], command=val["command"], summary=val["summary"], outcome=val["outcome"], comments=val["comments"])
    record["exception"] = val["exception"]
    record["timestamp"] = val["timestamp"]
    assert record["uid"] == key and record["status"] in ("pass", "fail", "review")
    assert isinstance(record["properties"]["method"], str) and isinstance(record["comments"], list)
    assert isinstance(record["exception"], str) and isinstance(record["summary"], str)
    assert all(isinstance(column, dict) for column in record["outcome"].values())
    datetime.datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00"))
    flags = {}
    for name in filenames:
        with open(os.path.join(path, "checksums", name + ".txt"), encoding="utf8") as handle:
            checksum = handle.read()
        with open(os.path.join(path, name), "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == checksum, name
    for flag, positions in sdcs[0].get("cells", {}).items():
        for x, y in positions:
            flags.setdefault(f"{x},{y}", []).append(flag)
    loaded[key] = {"status": record["status"], "files": filenames, "cell_index": flags}
print(json.dumps(loaded, sort_keys=True))
`;
