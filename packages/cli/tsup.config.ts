import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  // the d.ts build must read the built dist types of dependencies, not their sources
  dts: { entry: ["src/index.ts"], compilerOptions: { composite: false, customConditions: [] } },
  sourcemap: true,
  clean: true,
  target: "node22",
  // keep `node:` specifiers: `node:sqlite` has no bare-name alias, so stripping the prefix breaks it
  removeNodeProtocol: false
})
