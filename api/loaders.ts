// The request's batch loaders (DataLoader), made with its context and dropped with it: keys asked for
// while one level of fields resolves are loaded together in one call, and each key once per request.
// Keeps computed fields (target progress, plan checks, index totals) to a bounded number of queries
// however many rows a page shows.
import DataLoader from 'dataloader';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createIndexLoaders, type IndexLoaders } from './services/index-loaders.ts';

type Load<K, V> = (keys: K[]) => Promise<Map<K, V>>;

export class Loaders {
  /** The loaders made by requestLoader, by name. */
  readonly named = new Map<string, DataLoader<unknown, unknown>>();
  readonly #prisma: PrismaClient;
  #index: IndexLoaders | undefined;

  constructor(prisma: PrismaClient) {
    this.#prisma = prisma;
  }

  /** The PAR index's loaders (made on first use). */
  get index(): IndexLoaders {
    this.#index ??= createIndexLoaders(this.#prisma);
    return this.#index;
  }
}

/** The loader called `name` of this request (made on first use). */
export function requestLoader<K, V>(
  ctx: { loaders: Loaders },
  name: string,
  load: Load<K, V>,
): (key: K) => Promise<V | undefined> {
  let loader = ctx.loaders.named.get(name) as DataLoader<K, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | undefined>(async (keys) => {
      const values = await load([...keys]);
      return keys.map((key) => values.get(key));
    });
    ctx.loaders.named.set(name, loader);
  }
  const batched = loader;
  return (key) => batched.load(key);
}
