// ESLint: typescript-eslint's recommended rules plus the Office add-in rules of
// eslint-plugin-office-addins (sync/load discipline for Excel.run code).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "no-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The Office rules read getCell()/load() patterns; only the add-in's code talks to Office.js
    // (ExcelJS code elsewhere would trip them falsely).
    files: ["src/addin/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    // The engine's public API is src/engine/index.ts: code outside the engine imports "…/engine",
    // never the files behind it (tests may, to test them).
    files: ["src/cli/**/*.{ts,tsx}", "src/addin/**/*.{ts,tsx}", "src/xlsx/**/*.{ts,tsx}", "scripts/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/engine/*", "**/engine/*/**", "!**/engine/index"],
              message: "Import the engine through its public API (…/engine), not its internals.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Plain scripts the pages load as they are (no bundler): browser globals, ES5.
    files: ["src/addin/html/legacy-check.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 5, globals: { ...globals.browser } },
  },
);
