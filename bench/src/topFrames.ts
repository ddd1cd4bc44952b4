/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the frames with the most self time, and the
 * share of the profile each takes, so that docs/performance.md can quote where the time goes.
 *
 * Usage: `tsx src/topFrames.ts <file.cpuprofile> [count]`.
 *
 * @since 0.1.0
 */
import { existsSync, readFileSync } from "node:fs"
import { SourceMap } from "node:module"
import { fileURLToPath } from "node:url"

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
  readonly columnNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: ReadonlyArray<number>
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

/** A frame and its self time, in milliseconds and as a share of the whole profile. */
export interface Frame {
  readonly frame: string
  readonly selfMs: number
  readonly share: number
}

const maps = new Map<string, SourceMap | undefined>()
/** The source map of a bundle, when it has one next to it. */
const mapOf = (url: string): SourceMap | undefined => {
  if (!maps.has(url)) {
    const file = url.startsWith("file:") ? fileURLToPath(url) : url
    maps.set(
      url,
      existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))) : undefined
    )
  }
  return maps.get(url)
}

const shorten = (file: string): string =>
  file
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^.*\/(packages|bench)\//, "$1/")

/** A frame as `name file:line`, mapped back to the TypeScript source through the bundle's map. */
const label = (f: CallFrame): string => {
  const map = f.url.endsWith(".mjs") ? mapOf(f.url) : undefined
  const entry = map?.findEntry(f.lineNumber, f.columnNumber) as
    | { originalSource?: string; originalLine?: number; name?: string }
    | undefined
  const where =
    entry?.originalSource !== undefined
      ? `${shorten(entry.originalSource)}:${(entry.originalLine ?? 0) + 1}`
      : f.url === ""
        ? ""
        : `${shorten(f.url)}:${f.lineNumber + 1}`
  return `${f.functionName || "(anonymous)"} ${where}`.trim()
}

/**
 * The `count` frames with the most self time.
 *
 * @since 0.1.0
 * @category utils
 */
export const topFrames = (profile: Profile, count = 15): ReadonlyArray<Frame> => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const dt = (profile.timeDeltas[i] ?? 0) / 1000
    total += dt
    if (node === undefined) return
    const key = label(node.callFrame)
    self.set(key, (self.get(key) ?? 0) + dt)
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, selfMs]) => ({ frame, selfMs, share: total === 0 ? 0 : selfMs / total }))
}

if (process.argv[1]?.endsWith("topFrames.ts")) {
  const [file, count] = process.argv.slice(2)
  if (file === undefined) {
    console.error("usage: tsx src/topFrames.ts <file.cpuprofile> [count]")
    process.exit(2)
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile
  for (const f of topFrames(profile, Number(count ?? 15)))
    console.log(`${(f.share * 100).toFixed(1).padStart(5)} %  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.frame}`)
}
