// Builds the benchmark the way tsup builds the packages: esbuild, ESM, no keepNames. The
// library is bundled from its TypeScript sources (the `@quartieri/source` condition), so what is
// measured is the code of the working tree, compiled as it is published; every other package
// stays external and is loaded by Node from node_modules. (tsx is not used to measure: its
// keepNames transform wraps every closure in a `__name()` call, a cost the published code does
// not have.)
//
// Usage: node scripts/bundle.mjs [--name <name>] [entry …] — default src/main.ts → out/bench.mjs;
// otherwise out/<name>.mjs, or out/<entry's name>.mjs.
import { build } from "esbuild"

const root = new URL("..", import.meta.url).pathname
const args = process.argv.slice(2)
const named = args.indexOf("--name")
const name = named >= 0 ? args[named + 1] : undefined
const entries = args.filter((_, i) => named < 0 || (i !== named && i !== named + 1))

/** Resolves every bare import except @quartieri/* to its file, and leaves it external. */
const externals = {
  name: "externals",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || args.path.startsWith("@quartieri/")) return undefined
      if (args.path.startsWith("node:")) return { path: args.path, external: true }
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving"
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: resolved.path, external: true }
    })
  }
}

await build({
  absWorkingDir: root,
  entryPoints: entries.length > 0 ? entries : ["src/main.ts"],
  outdir: "out",
  outExtension: { ".js": ".mjs" },
  entryNames: name ?? (entries.length > 0 ? "[name]" : "bench"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  conditions: ["@quartieri/source"],
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [externals]
})
