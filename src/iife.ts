// The plain-<script> build (dist/tinydigit.iife.js): the library as the global `tinydigit`, and the
// <tinydigit-pad> element registered.
export * from './index.js';
export { TinydigitPad } from './element.js';
