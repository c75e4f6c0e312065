// Field schemas shared by every form that stores the same kind of value, so one rule holds for
// each kind everywhere it is typed in.
import { z } from "zod";
import { isHttpUrl } from "~/utils/urls";

const MAX_URL_LENGTH = 2048;

/**
 * An optional web address: blank means none; anything else must be an absolute http(s) URL.
 * Every stored URL field uses this (test/unit/stored-urls.test.ts checks the schema for new ones).
 */
export const httpUrl = (message = "Enter a full web address starting with https:// (or http://).") =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z.string().max(MAX_URL_LENGTH, `Use at most ${MAX_URL_LENGTH} characters.`).refine(isHttpUrl, message).optional(),
    );
