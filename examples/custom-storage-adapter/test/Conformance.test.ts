import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runConformance } from "@quartieri/storage-testkit"
import * as JsonFileStore from "../src/JsonFileStore.js"

const file = join(mkdtempSync(join(tmpdir(), "quartieri-json-store-")), "store.json")

runConformance({
  name: "JSON file (example)",
  layer: JsonFileStore.layer(file),
  reopen: JsonFileStore.layer(file),
  capabilities: JsonFileStore.capabilities
})
