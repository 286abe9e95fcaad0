// What a call throws, as data a test can compare: its class and code (and a batch's index), or that it
// threw nothing.

export type Thrown = { cls: string; code: string; index?: number } | 'no error';

export function thrown(f: () => unknown): Thrown {
  try {
    f();
    return 'no error';
  } catch (e) {
    const err = e as Error & { code?: string; index?: number };
    return { cls: err.constructor.name, code: String(err.code), ...(err.index !== undefined ? { index: err.index } : {}) };
  }
}

/** The code of the error `f` throws when it is a `cls`; otherwise what it threw instead, or 'no error'. */
export function codeOf(f: () => unknown, cls: new (...args: never[]) => Error): string {
  const t = thrown(f);
  if (t === 'no error') return t;
  return t.cls === cls.name ? t.code : `other: ${t.cls} ${t.code}`;
}
