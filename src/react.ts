// tinydigit/react: registers <tinydigit-pad> (as tinydigit/element does) and types it in React 19's JSX.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TinydigitPad } from './element.js';
import type { Classification, DefaultModelName, NumberReading } from './index.js';
import './element.js';

/**
 * The props of `<tinydigit-pad>` in React 19: its attributes, and its events as `ondigit` / `onnumber`
 * (React 19 adds an `on…` prop of a custom element as a listener of the event named by the rest).
 */
export interface TinydigitPadProps extends DetailedHTMLProps<HTMLAttributes<TinydigitPad>, TinydigitPad> {
  /** CSS pixels, 8-4096 (default 280). */
  width?: number | `${number}`;
  /** CSS pixels, 8-4096 (default 280). */
  height?: number | `${number}`;
  /** `digit` (default) or `number` (needs `import 'tinydigit/number'`). */
  mode?: 'digit' | 'number';
  /** Line width in CSS pixels (default width/15). */
  stroke?: number | `${number}`;
  model?: DefaultModelName;
  /** After each stroke: the reading, or `null` when the pad is empty. */
  ondigit?: (event: CustomEvent<Classification | null>) => void;
  /** After each stroke in `mode="number"`. */
  onnumber?: (event: CustomEvent<NumberReading>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tinydigit-pad': TinydigitPadProps;
    }
  }
}
