// Checks every publishable package as it would be published: publint (package.json exports,
// files), are-the-types-wrong (the types resolve for ESM consumers under node16 and bundlers),
// and a smoke import of the built `dist` in a plain Node process without the source condition
// (a build that rewrites an import, e.g. `node:sqlite` to `sqlite`, fails only at run time).
// Run after `pnpm build`. Exits non-zero when any package has a problem.
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

const root = new URL("..", import.meta.url).pathname
const bin = (name) => join(root, "node_modules", ".bin", name)
const packages = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
    return pkg.private !== true
  })

let failed = false
for (const dir of packages) {
  const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name
  for (const [tool, args] of [
    ["publint", ["--strict", dir]],
    ["attw", ["--pack", dir, "--profile", "esm-only", "--format", "table-flipped"]]
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: "inherit", cwd: dir })
    } catch {
      console.error(`✗ ${name}: ${tool} found problems`)
      failed = true
    }
  }
}
for (const dir of packages) {
  const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name
  const entry = pathToFileURL(join(dir, "dist", "index.js")).href
  try {
    // process.execPath is the Node 24 of the workspace when run through pnpm
    execFileSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(entry)})`], {
      stdio: "inherit",
      cwd: dir
    })
    console.log(`✓ ${name}: dist imports`)
  } catch {
    console.error(`✗ ${name}: importing the built dist failed`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
