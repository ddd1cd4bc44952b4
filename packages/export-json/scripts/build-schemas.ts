/**
 * Writes the JSON Schemas of the catalogue to `schemas/<name>.json`, formats them with Biome
 * and removes stale files.
 * Run with `pnpm --filter @quartieri/export-json build:schemas` after changing a Schema; the
 * test `JsonSchemas.test.ts` fails while a file is out of date.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { JsonSchemas } from "../src/index.js"

const dir = fileURLToPath(new URL("../schemas/", import.meta.url))
mkdirSync(dir, { recursive: true })
const wanted = new Set(JsonSchemas.catalogue.map((e) => `${e.name}.json`))
for (const file of readdirSync(dir)) if (file.endsWith(".json") && !wanted.has(file)) rmSync(`${dir}${file}`)
for (const entry of JsonSchemas.catalogue) writeFileSync(`${dir}${entry.name}.json`, JsonSchemas.fileText(entry))
// the repository's formatter has the last word on layout (the test compares the JSON, not the text)
execFileSync(fileURLToPath(new URL("../../../node_modules/.bin/biome", import.meta.url)), ["format", "--write", dir], {
  stdio: "inherit"
})
console.log(`wrote ${wanted.size} schemas to ${dir}`)
