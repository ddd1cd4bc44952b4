// Checks every publishable package as it would be published: publint (package.json exports,
// files) and are-the-types-wrong (the types resolve for ESM consumers under node16 and bundlers).
// Run after `pnpm build`. Exits non-zero on the first package with a problem.
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

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
process.exit(failed ? 1 : 0)
