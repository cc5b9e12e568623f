/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // Type-checking is `npm run typecheck`; here ts-jest only transpiles, file by file.
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false, tsconfig: { jsx: "react-jsx", isolatedModules: true, esModuleInterop: true } }],
  },
  globalSetup: "<rootDir>/test/global-setup.js",
};
