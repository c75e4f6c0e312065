// Prisma CLI configuration. The JS (wasm) schema engine runs migrations through a driver
// adapter, so no engine binary is downloaded. `migrate deploy` needs adapter-pg 7.x, which maps
// PostgreSQL's `name` type (6.19's does not); the runtime client keeps adapter-pg 6.19.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg-migrate";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL must be set to run Prisma migrations");
    return new PrismaPg({ connectionString });
  },
});
