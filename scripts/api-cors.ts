// The read API is open to scripts on any site: its responses say so (CORS, and a
// Cross-Origin-Resource-Policy that lets other origins embed them), and a preflight OPTIONS is
// answered here, before Remix, whose action-side origin check would refuse a cross-site one.
import type { RequestHandler } from "express";
import { PREFLIGHT_HEADERS, isOpenDataPath } from "../app/services/api/cors";

export const apiCors: RequestHandler = (req, res, next) => {
  if (!isOpenDataPath(req.path)) return next();
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
  if (req.method === "OPTIONS") {
    res.set(PREFLIGHT_HEADERS).status(204).end();
    return;
  }
  next();
};
