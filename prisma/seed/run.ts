// CLI: writes the demo data into the database named by DATABASE_URL.
//   DATABASE_URL=postgresql://... npx tsx prisma/seed/run.ts
// Safe to run again: rows already present are left as they are.
import { prisma } from "../../app/services/db.server";
import { seedDemoData } from "./seed";

try {
  await seedDemoData(prisma, { log: (message) => console.log(message) });
} catch (error) {
  console.error("Seeding the demo data failed:", error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
