// A per-request batch loader (DataLoader): keys asked for while one set of sibling fields resolves are
// loaded together in one call, and each key once per request. Keeps computed fields (target progress,
// plan checks) to a bounded number of queries however many rows a page shows.
import DataLoader from 'dataloader';

type Load<K, V> = (keys: K[]) => Promise<Map<K, V>>;

const loaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/** The loader called `name` of this request (created on first use). */
export function requestLoader<K, V>(ctx: object, name: string, load: Load<K, V>): (key: K) => Promise<V | undefined> {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  let loader = byName.get(name) as DataLoader<K, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | undefined>(async (keys) => {
      const values = await load([...keys]);
      return keys.map((key) => values.get(key));
    });
    byName.set(name, loader);
  }
  const batched = loader;
  return (key) => batched.load(key);
}
