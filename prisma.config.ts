import { defineConfig } from 'prisma/config';

// Read by the stock Prisma CLI (`prisma migrate deploy` against DATABASE_URL where its native engine can
// be had). The project's own commands (scripts/db.ts) do not need it.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
