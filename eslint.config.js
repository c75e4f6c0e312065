import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", ".data/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      // Autofocus is deliberate: without JavaScript it moves focus to the first invalid field.
      "jsx-a11y/no-autofocus": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Routes stay thin: data access lives in app/models and app/services.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/services/db.server"], message: "Call a function in app/models instead." }] },
      ],
      // Every body goes through one parser, which turns a bad one into a 4xx (app/utils/submission.server.ts).
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(formData|json|text|arrayBuffer|blob)$/][callee.object.name='request']",
          message: "Read the body with parseSubmission or readSubmission from ~/utils/submission.server.",
        },
        {
          selector: "CallExpression[callee.name=/^unstable_parseMultipartFormData$|^receiveUploads$/]",
          message: "Read uploads with parseSubmission(request, schema, { uploads }) from ~/utils/submission.server.",
        },
      ],
    },
  },
  {
    // Settings are declared, validated and read in one module.
    files: [
      "app/**/*.{ts,tsx}",
      "scripts/server.ts",
      "scripts/app.ts",
      "scripts/security-headers.ts",
      "scripts/worker.ts",
    ],
    ignores: ["app/env.server.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through env() or bootEnv() in ~/env.server." },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
