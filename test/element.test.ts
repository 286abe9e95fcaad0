// <tinydigit-pad> in a runtime without a DOM (server-side rendering in Node): importing the element must
// not throw, and registers nothing. In browsers it is tested by test/browser/.
import { describe, expect, it } from 'vitest';

describe('tinydigit/element without a DOM', () => {
  it('imports in Node, exports the class, and registers nothing', async () => {
    expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe('undefined');
    const { TinydigitPad } = await import('../dist/element.js');
    expect(typeof TinydigitPad).toBe('function');
    expect(TinydigitPad.observedAttributes).toContain('mode');
    expect(typeof (globalThis as { customElements?: unknown }).customElements).toBe('undefined');
  });
});
