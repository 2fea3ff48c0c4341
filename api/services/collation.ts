// Names in Vietnamese order (Đ after D, tone marks after the bare letter). One collator for the process:
// localeCompare with a locale makes a new one per call (docs/benchmarks.md).
const vietnamese = new Intl.Collator('vi');

export const compareVietnamese = (a: string, b: string): number => vietnamese.compare(a, b);
