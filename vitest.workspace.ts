/**
 * The list of Vitest projects. Vitest 5 ignores a workspace file on its own, so
 * `vitest.config.ts` imports this list into `test.projects` (docs/decisions/0004-vitest-projects.md).
 */
export const projects = ["packages/*", "examples/custom-storage-adapter", "examples/portal"]
