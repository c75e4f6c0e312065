// One comment as the CSV export reads it, for unit tests of the export's rows.
import type { ExportedComment } from "~/models/comments/comment-export.server";

export function exportedComment(overrides: Partial<ExportedComment> = {}): ExportedComment {
  return {
    id: "c1",
    receiptNumber: "LDS-1",
    submittedAt: new Date("2026-12-02T03:30:00Z"),
    submitterType: "INDIVIDUAL",
    displayName: "Ann",
    email: "ann@example.org",
    status: "PUBLISHED",
    campaignId: null,
    addedText: null,
    text: "Protect the springs.",
    reportCount: 0,
    organization: null,
    responses: [],
    moderation: [],
    _count: { attachments: 0, reports: 0 },
    ...overrides,
  };
}
