/** Boundaries from design.md: core is pure; web never imports server; server never imports web. */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "src/core may import only itself, zod, temporal-polyfill and the pure @oslojs libraries (TOTP): no server, web, cli, fhir, node built-ins, drivers or React.",
      severity: "error",
      from: { path: "^src/core" },
      to: {
        pathNot: ["^src/core", "^node_modules/(zod|temporal-polyfill|@oslojs/(otp|crypto|binary|encoding))/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "core-no-node-builtins",
      severity: "error",
      from: { path: "^src/core" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "web-never-imports-server",
      severity: "error",
      from: { path: "^src/web" },
      to: { path: "^src/(server|cli|fhir)" },
    },
    {
      name: "server-never-imports-web",
      severity: "error",
      from: { path: "^src/(server|cli|fhir)" },
      to: { path: "^src/web" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.base.json" },
    exclude: { path: "\\.test\\.tsx?$" },
  },
};
