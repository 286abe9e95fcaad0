// The plain-<script> build (dist/tinydigit.iife.js): the library as the global `tinydigit`, and the
// <tinydigit-pad> element registered, readNumber included.
export * from './index.js';
import './number.js';
export { TinydigitPad } from './element.js';
