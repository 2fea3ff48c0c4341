// A per-request batch loader: keys asked for while one set of sibling fields resolves are loaded
// together in one call, and each key once per request. Keeps computed fields (target progress, plan
// checks) to a bounded number of queries however many rows a page shows.

type Load<K, V> = (keys: K[]) => Promise<Map<K, V>>;

interface Batcher<K, V> {
  load: (key: K) => Promise<V | undefined>;
}

const loaders = new WeakMap<object, Map<string, Batcher<unknown, unknown>>>();

function createBatcher<K, V>(load: Load<K, V>): Batcher<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  let pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    load([...new Set(batch.map((item) => item.key))]).then(
      (values) => batch.forEach((item) => item.resolve(values.get(item.key))),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  };
  return {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const promise = new Promise<V | undefined>((resolve, reject) => {
        if (!pending.length) void Promise.resolve().then(() => process.nextTick(flush));
        pending.push({ key, resolve, reject });
      });
      cache.set(key, promise);
      return promise;
    },
  };
}

/** The loader called `name` of this request (created on first use). */
export function requestLoader<K, V>(ctx: object, name: string, load: Load<K, V>): (key: K) => Promise<V | undefined> {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  let batcher = byName.get(name) as Batcher<K, V> | undefined;
  if (!batcher) {
    batcher = createBatcher(load);
    byName.set(name, batcher as Batcher<unknown, unknown>);
  }
  return batcher.load;
}
